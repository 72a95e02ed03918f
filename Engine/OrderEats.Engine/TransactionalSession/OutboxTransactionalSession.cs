using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.TransactionalSession;

/// <summary>
/// The transactional session on the outbox (the role NServiceBus.TransactionalSession plays): operations are collected, then at commit a control
/// message goes to the endpoint's own queue (delayed by the commit delay), the operations are stored as the session's outbox record in the
/// business transaction, the transaction commits, and the operations are dispatched. If the process dies after the commit, the control message
/// finds the record undispatched and dispatches it.
/// </summary>
internal sealed class OutboxTransactionalSession(TransactionalSessions shared, IUnitOfWork unitOfWork) : ITransactionalSession
{
    private readonly List<TransportOperation> operations = [];
    private bool completed;

    public string SessionId { get; } = Guid.CreateVersion7().ToString();

    public IStorageSession Storage => unitOfWork;

    public Task Send(object message, SendOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(message, MessageIntent.Send, options);

    public Task SendLocal(object message, SendOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Enqueue(message, MessageIntent.Send, OptionsCopy.With(options, [], shared.Configuration.EndpointName));
    }

    public Task Subscribe(Type eventType, CancellationToken cancellationToken = default) =>
        throw NotTransactional(eventType, "subscribe to");

    public Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default) =>
        throw NotTransactional(eventType, "unsubscribe from");

    public Task Publish(object message, PublishOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (shared.Factory.IsHandledInline(message.GetType()))
        {
            throw new InvalidOperationException(
                $"Endpoint {shared.Configuration.EndpointName} handles {message.GetType().Name} inline, which only a handler's publish triggers; a transactional session's publish would never reach this endpoint's own handlers. Publish it from a handler.");
        }

        return Enqueue(message, MessageIntent.Publish, options);
    }

    public async Task Commit(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        completed = true;
        if (operations.Count == 0)
        {
            await unitOfWork.Commit(cancellationToken);
            return;
        }

        var configuration = shared.Configuration;
        var startedAt = shared.Time.GetUtcNow();
        // First the control message, so that a commit is never without the message that completes it; then the record, in the business transaction.
        await shared.Transport.Dispatch(
            [CommitControlMessage.Create(SessionId, configuration.EndpointName, configuration.EndpointName, configuration.HostName, startedAt, 1, startedAt + configuration.TransactionalSession.CommitDelay)],
            cancellationToken);
        await shared.Outbox.Store(SessionId, operations, unitOfWork, cancellationToken);
        await unitOfWork.Commit(cancellationToken);
        // Released before dispatching: marking the record dispatched needs a connection (and, on SQLite, the writer gate) of its own.
        await unitOfWork.DisposeAsync();
        try
        {
            await shared.Transport.Dispatch(operations, cancellationToken);
            await shared.Marks.Mark(SessionId);
        }
#pragma warning disable CA1031 // committed: the control message dispatches the record, so the caller's work stands
        catch (Exception ex)
#pragma warning restore CA1031
        {
            shared.Logger.LogWarning(
                ex, "Transactional session {SessionId} committed, but dispatching its {Count} messages failed; the control message dispatches them within {CommitDelay}",
                SessionId, operations.Count, configuration.TransactionalSession.CommitDelay);
        }
    }

    public async ValueTask DisposeAsync()
    {
        completed = true;
        await unitOfWork.DisposeAsync();
    }

    private NotSupportedException NotTransactional(Type eventType, string action)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return new NotSupportedException(
            $"A transactional session cannot {action} {eventType.Name}: a subscription changes the broker's routing, which no database transaction can roll back. Call it on endpoint {shared.Configuration.EndpointName}'s message session instead.");
    }

    private Task Enqueue(object message, MessageIntent intent, ExtendableOptions? options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(completed, this);
        operations.Add(shared.Factory.Create(message, intent, options, null, shared.Time));
        return Task.CompletedTask;
    }
}
