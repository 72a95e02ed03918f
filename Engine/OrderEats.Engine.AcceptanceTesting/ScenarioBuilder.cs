namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>Declares a scenario: its endpoints, what they do, and when it is done. <see cref="Run"/> runs it.</summary>
/// <typeparam name="TContext">The scenario context type.</typeparam>
public sealed class ScenarioBuilder<TContext>
    where TContext : ScenarioContext
{
    private readonly TContext context;
    private readonly List<ScenarioEndpoint<TContext>> endpoints = [];
    private Func<TContext, bool>? done;
    private ScenarioTransport? transport;

    internal ScenarioBuilder(TContext context) => this.context = context;

    /// <summary>Adds the endpoint <typeparamref name="TEndpoint"/> describes (its setup and the handlers nested in it), doing what <paramref name="behavior"/> says.</summary>
    public ScenarioBuilder<TContext> WithEndpoint<TEndpoint>(Action<EndpointBehaviorBuilder<TContext>>? behavior = null)
        where TEndpoint : EndpointConfigurationBuilder, new()
    {
        var endpoint = new TEndpoint();
        return Add(endpoint.EndpointName, endpoint.Template, [.. endpoint.NestedHandlerTypes], endpoint.Setups, behavior);
    }

    /// <summary>Adds an endpoint named <paramref name="endpointName"/>; register its handlers in <see cref="EndpointBehaviorBuilder{TContext}.CustomConfig(Action{EndpointConfiguration})"/>.</summary>
    public ScenarioBuilder<TContext> WithEndpoint(string endpointName, Action<EndpointBehaviorBuilder<TContext>>? behavior = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        return Add(endpointName, new DefaultServer(), [], [], behavior);
    }

    /// <summary>The scenario is done once <paramref name="condition"/> holds (checked whenever a message completes). Without one it is done once its When steps ran.</summary>
    public ScenarioBuilder<TContext> Done(Func<TContext, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        done = condition;
        return this;
    }

    /// <summary>Runs the endpoints on <paramref name="scenarioTransport"/> instead of <see cref="ScenarioTransport.Default"/>.</summary>
    public ScenarioBuilder<TContext> WithTransport(ScenarioTransport scenarioTransport)
    {
        ArgumentNullException.ThrowIfNull(scenarioTransport);
        transport = scenarioTransport;
        return this;
    }

    /// <summary>
    /// Starts the endpoints, runs the When steps, waits until Done holds, stops the endpoints and returns the context. Throws
    /// <see cref="ScenarioTimeoutException"/> when <paramref name="timeout"/> (default <see cref="Scenario.DefaultTimeout"/>) passes first, and
    /// <see cref="MessageFailedException"/> as soon as a message ends in the error queue of an endpoint that did not allow it.
    /// </summary>
    public Task<TContext> Run(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (endpoints.Count == 0)
        {
            throw new InvalidOperationException("The scenario has no endpoint. Add one with WithEndpoint<TEndpoint>() or WithEndpoint(name, ...).");
        }

        // The scenario runs on real time: its endpoints, their messages and its timeout all use the system clock.
        return new ScenarioRunner<TContext>(context, endpoints, done, transport ?? ScenarioTransport.Default, TimeProvider.System).Run(timeout ?? Scenario.DefaultTimeout, cancellationToken);
    }

    private ScenarioBuilder<TContext> Add(string name, IEndpointSetupTemplate template, IReadOnlyList<Type> handlers, IReadOnlyList<Action<EndpointConfiguration>> setups, Action<EndpointBehaviorBuilder<TContext>>? behavior)
    {
        if (endpoints.Any(e => e.Name == name))
        {
            throw new InvalidOperationException($"The scenario has endpoint {name} already; each endpoint appears once. Put all its When steps in one WithEndpoint call.");
        }

        var builder = new EndpointBehaviorBuilder<TContext>();
        behavior?.Invoke(builder);
        endpoints.Add(new ScenarioEndpoint<TContext>(name, template, handlers, setups, builder));
        return this;
    }
}
