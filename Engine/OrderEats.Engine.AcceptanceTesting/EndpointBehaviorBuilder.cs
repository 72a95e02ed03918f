using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Notifications;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>What one endpoint does in a scenario: its When steps, extra configuration and services, and hooks on what it processes.</summary>
/// <typeparam name="TContext">The scenario context type.</typeparam>
public sealed class EndpointBehaviorBuilder<TContext>
    where TContext : ScenarioContext
{
    private readonly List<WhenStep<TContext>> whens = [];
    private readonly List<Action<EndpointConfiguration, TContext>> configurations = [];
    private readonly List<Action<IServiceCollection>> services = [];
    private readonly List<Action<ProcessedMessage, TContext>> processed = [];
    private readonly List<Action<RetryingMessage, TContext>> retried = [];
    private readonly List<Action<FailedMessage, TContext>> failed = [];

    internal IReadOnlyList<WhenStep<TContext>> Whens => whens;

    internal IReadOnlyList<Action<EndpointConfiguration, TContext>> Configurations => configurations;

    internal IReadOnlyList<Action<IServiceCollection>> Services => services;

    internal IReadOnlyList<Action<ProcessedMessage, TContext>> ProcessedHooks => processed;

    internal IReadOnlyList<Action<RetryingMessage, TContext>> RetriedHooks => retried;

    internal IReadOnlyList<Action<FailedMessage, TContext>> FailedHooks => failed;

    internal bool FailOnErrorMessages { get; private set; } = true;

    /// <summary>Runs <paramref name="action"/> once, as soon as every endpoint of the scenario has started.</summary>
    public EndpointBehaviorBuilder<TContext> When(Func<IMessageSession, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return When((session, _) => action(session));
    }

    /// <summary>Runs <paramref name="action"/> once, as soon as every endpoint of the scenario has started.</summary>
    public EndpointBehaviorBuilder<TContext> When(Func<IMessageSession, TContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        whens.Add(new WhenStep<TContext>(null, action));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> once, the first time <paramref name="condition"/> holds (checked whenever a message completes).</summary>
    public EndpointBehaviorBuilder<TContext> When(Func<TContext, bool> condition, Func<IMessageSession, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return When(condition, (session, _) => action(session));
    }

    /// <summary>Runs <paramref name="action"/> once, the first time <paramref name="condition"/> holds (checked whenever a message completes).</summary>
    public EndpointBehaviorBuilder<TContext> When(Func<TContext, bool> condition, Func<IMessageSession, TContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(action);
        whens.Add(new WhenStep<TContext>(condition, action));
        return this;
    }

    /// <summary>Changes the endpoint's configuration after the scenario defaults and the endpoint's own setup.</summary>
    public EndpointBehaviorBuilder<TContext> CustomConfig(Action<EndpointConfiguration> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return CustomConfig((configuration, _) => configure(configuration));
    }

    /// <summary>Changes the endpoint's configuration after the scenario defaults and the endpoint's own setup, with the context at hand.</summary>
    public EndpointBehaviorBuilder<TContext> CustomConfig(Action<EndpointConfiguration, TContext> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configurations.Add(configure);
        return this;
    }

    /// <summary>Registers services the endpoint's handlers take in their constructors (the context is registered already).</summary>
    public EndpointBehaviorBuilder<TContext> ConfigureServices(Action<IServiceCollection> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.Add(configure);
        return this;
    }

    /// <summary>Lets messages of this endpoint end in the error queue without failing the scenario (see <see cref="ScenarioContext.FailedMessages"/>).</summary>
    public EndpointBehaviorBuilder<TContext> DoNotFailOnErrorMessages()
    {
        FailOnErrorMessages = false;
        return this;
    }

    /// <summary>Calls <paramref name="hook"/> for every message the endpoint processed successfully.</summary>
    public EndpointBehaviorBuilder<TContext> OnMessageProcessed(Action<ProcessedMessage, TContext> hook) => Add(processed, hook);

    /// <summary>Calls <paramref name="hook"/> for every failed attempt the endpoint retries (immediately or delayed).</summary>
    public EndpointBehaviorBuilder<TContext> OnMessageRetried(Action<RetryingMessage, TContext> hook) => Add(retried, hook);

    /// <summary>Calls <paramref name="hook"/> for every message the endpoint moves to the error queue.</summary>
    public EndpointBehaviorBuilder<TContext> OnMessageSentToErrorQueue(Action<FailedMessage, TContext> hook) => Add(failed, hook);

    private EndpointBehaviorBuilder<TContext> Add<T>(List<Action<T, TContext>> hooks, Action<T, TContext> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        hooks.Add(hook);
        return this;
    }
}
