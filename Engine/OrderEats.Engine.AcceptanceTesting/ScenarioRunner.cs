using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>
/// Runs one scenario: starts every endpoint, runs the When steps, and re-checks the conditional steps and the Done condition whenever a message
/// completes (and every quarter second, for conditions on state outside the endpoints), until Done holds, a message fails, or time runs out.
/// </summary>
internal sealed class ScenarioRunner<TContext>(TContext context, IReadOnlyList<ScenarioEndpoint<TContext>> endpoints, Func<TContext, bool>? done, ScenarioTransport transport, TimeProvider time)
    where TContext : ScenarioContext
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(250);
    private readonly Channel<bool> changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<(ScenarioEndpoint<TContext> Endpoint, EndpointInstance Instance, ServiceProvider Services)> running = [];

    public async Task<TContext> Run(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        context.Changed += Signal;
        var transportRun = await transport.Begin([.. endpoints.Select(e => e.Name)], cancellationToken);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                foreach (var endpoint in endpoints)
                {
                    running.Add(await Start(endpoint, transportRun, deadline.Token));
                }

                context.EndpointsStarted = true;

                await RunUntilDone(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ScenarioTimeoutException(Describe($"The scenario was not done after {timeout.TotalSeconds:0.#} s", time.GetElapsedTime(started)));
            }
        }
        finally
        {
            context.Changed -= Signal;
            await StopAll();
            await transportRun.DisposeAsync();
        }

        if (UnexpectedFailures() is { Count: > 0 } failed)
        {
            throw new MessageFailedException(failed, context);
        }

        return context;
    }

    private async Task RunUntilDone(CancellationToken cancellationToken)
    {
        var pending = running.SelectMany(r => r.Endpoint.Behavior.Whens.Select(w => (Step: w, r.Instance))).ToList();
        foreach (var (step, instance) in pending.Where(p => p.Step.Condition is null).ToList())
        {
            await step.Action(instance, context);
            pending.RemoveAll(p => p.Step == step);
        }

        while (true)
        {
            if (UnexpectedFailures().Count > 0)
            {
                return;
            }

            foreach (var (step, instance) in pending.Where(p => p.Step.Condition!(context)).ToList())
            {
                await step.Action(instance, context);
                pending.RemoveAll(p => p.Step == step);
            }

            if (done?.Invoke(context) ?? pending.Count == 0)
            {
                return;
            }

            using var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            recheck.CancelAfter(Recheck);
            try
            {
                await changed.Reader.ReadAsync(recheck.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing completed in a while: look at the conditions again anyway.
            }
        }
    }

    private async Task<(ScenarioEndpoint<TContext>, EndpointInstance, ServiceProvider)> Start(ScenarioEndpoint<TContext> endpoint, IScenarioTransportRun transportRun, CancellationToken cancellationToken)
    {
        var behavior = endpoint.Behavior;
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new ScenarioLoggerProvider(context, endpoint.Name, time)))
            .AddSingleton(context.GetType(), context)
            .AddSingleton<ScenarioContext>(context);
        if (context.GetType() != typeof(TContext))
        {
            services.AddSingleton(context);
        }

        foreach (var configure in behavior.Services)
        {
            configure(services);
        }

        var configuration = new EndpointConfiguration(endpoint.Name);
        transportRun.Configure(configuration);
        configuration.UseInMemoryPersistence();
        endpoint.Template.Configure(configuration);
        foreach (var handler in endpoint.HandlerTypes)
        {
            configuration.AddHandler(handler);
        }

        foreach (var setup in endpoint.Setups)
        {
            setup(configuration);
        }

        foreach (var configure in behavior.Configurations)
        {
            configure(configuration, context);
        }

        Observe(configuration, behavior);
        var provider = services.BuildServiceProvider();
        try
        {
            return (endpoint, await EndpointInstance.Start(configuration, provider, cancellationToken), provider);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    private void Observe(EndpointConfiguration configuration, EndpointBehaviorBuilder<TContext> behavior)
    {
        configuration.Notifications
            .OnMessageProcessed((message, _) =>
            {
                foreach (var hook in behavior.ProcessedHooks)
                {
                    hook(message, context);
                }

                context.Processed(message);
                return Task.CompletedTask;
            })
            .OnImmediateRetry((message, _) => Retried(behavior, message))
            .OnDelayedRetry((message, _) => Retried(behavior, message))
            .OnMessageSentToErrorQueue((message, _) =>
            {
                foreach (var hook in behavior.FailedHooks)
                {
                    hook(message, context);
                }

                context.Failed(message);
                return Task.CompletedTask;
            });
    }

    private Task Retried(EndpointBehaviorBuilder<TContext> behavior, Notifications.RetryingMessage message)
    {
        foreach (var hook in behavior.RetriedHooks)
        {
            hook(message, context);
        }

        context.Retried(message);
        return Task.CompletedTask;
    }

    private List<Notifications.FailedMessage> UnexpectedFailures()
    {
        var failing = endpoints.Where(e => e.Behavior.FailOnErrorMessages).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return [.. context.FailedMessages.Where(p => failing.Contains(p.Key)).SelectMany(p => p.Value)];
    }

    private void Signal() => changed.Writer.TryWrite(true);

    private async Task StopAll()
    {
        for (var i = running.Count - 1; i >= 0; i--)
        {
            await running[i].Instance.Stop();
            await running[i].Services.DisposeAsync();
        }

        running.Clear();
    }

    private string Describe(string what, TimeSpan elapsed)
    {
        var processed = context.ProcessedMessages.GroupBy(m => m.Endpoint).Select(g => $"{g.Key}: {g.Count()}");
        var failed = context.FailedMessages.SelectMany(p => p.Value).Select(f => $"{f.MessageId} on {f.Endpoint}: {f.Exception.GetType().Name}: {f.Exception.Message}");
        var logs = context.Logs.TakeLast(30);
        return $"{what} ({elapsed.TotalSeconds:0.#} s elapsed; endpoints started: {running.Count} of {endpoints.Count}). " +
            $"Processed per endpoint: [{string.Join(", ", processed)}]; retried attempts: {context.RetriedMessages.Count}; failed: [{string.Join("; ", failed)}]. " +
            $"Check the Done condition and the When steps it waits for. Last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, logs)}";
    }
}
