using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Pipeline;

/// <summary>The transport's callback: runs the pipeline in a DI scope and hands failures to recoverability. Never acks a message that failed without moving it.</summary>
internal sealed class MessageProcessor(IncomingPipeline pipeline, RecoverabilityExecutor recoverability, IServiceScopeFactory scopes, ConsecutiveFailureThrottle throttle, CancellationToken stopping)
{
    public async Task<ReceiveResult> OnMessage(IncomingMessage message, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        if (message.TransportError is { } error)
        {
            return await recoverability.Failed(message, new MessageDeserializationException(error), linked.Token);
        }

        var gated = false;
        try
        {
            gated = await throttle.Enter(linked.Token);
            await using var scope = scopes.CreateAsyncScope();
            await pipeline.Invoke(new IncomingContext(message, scope.ServiceProvider, linked.Token));
            throttle.Succeeded();
            recoverability.Succeeded(message.MessageId);
            return ReceiveResult.Ack;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return ReceiveResult.Requeue;
        }
#pragma warning disable CA1031 // every failure must reach recoverability: it decides between retry and the error queue
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Throttled: the dependency is down, so the attempt is requeued without spending the message's retries.
            return throttle.Failed(message.MessageId, ex) ? ReceiveResult.Requeue : await recoverability.Failed(message, ex, linked.Token);
        }
        finally
        {
            throttle.Exit(gated);
        }
    }
}
