using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Sagas;

/// <summary>The context a saga handler gets: its messages carry the saga's id (so replies come back), and its timeouts are recorded as pending.</summary>
internal sealed class SagaHandlerContext(
    IncomingContext incoming,
    OutgoingMessageFactory factory,
    string endpointQueue,
    TimeProvider time,
    IStorageSession storage,
    SagaMetadata saga,
    Guid sagaId,
    List<PendingTimeout> pendingTimeouts)
    : MessageHandlerContext(incoming, factory, endpointQueue, time, storage)
{
    protected override T? Decorate<T>(T? options)
        where T : class
    {
        var copy = OptionsCopy.With(options, [
            new(Headers.OriginatingSagaId, sagaId.ToString()),
            new(Headers.OriginatingSagaType, saga.Name),
        ]);
        if (copy.Headers.ContainsKey(Headers.IsSagaTimeout))
        {
            copy.Headers[Headers.SagaId] = sagaId.ToString();
            copy.Headers[Headers.SagaType] = saga.Name;
        }

        return copy;
    }

    protected override void OnEnqueued(TransportOperation operation)
    {
        var headers = operation.Message.Headers;
        if (headers.TryGetValue(Headers.IsSagaTimeout, out var isTimeout) && isTimeout == bool.TrueString &&
            headers.TryGetValue(Headers.TimeoutId, out var timeoutId) &&
            headers.TryGetValue(Headers.SagaId, out var target) && target == sagaId.ToString())
        {
            var messageType = headers[Headers.EnclosedMessageTypes].Split(';')[0];
            pendingTimeouts.Add(new PendingTimeout(Guid.Parse(timeoutId), messageType, operation.DeliverAt ?? Time.GetUtcNow()));
        }
    }
}
