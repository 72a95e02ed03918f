using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Pipeline;

/// <summary>
/// Wraps the handlers in one unit of work and dispatches their messages after it commits. With the outbox, the messages are stored in the
/// same transaction, and a redelivered message only dispatches what it stored the first time.
/// </summary>
internal sealed class UnitOfWorkStep(IStorage storage, IOutboxStorage? outbox, ITransport transport, ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        var cancellationToken = context.CancellationToken;
        if (outbox is not null)
        {
            var record = await outbox.Get(context.MessageId, cancellationToken);
            if (record is not null)
            {
                if (!record.Dispatched)
                {
                    await transport.Dispatch(record.Operations, cancellationToken);
                    await outbox.MarkDispatched(context.MessageId, cancellationToken);
                }

                logger.LogInformation("Message {MessageId} was processed before; the outbox dispatched its {Count} messages instead of running handlers again", context.MessageId, record.Operations.Count);
                return;
            }
        }

        await using (var session = await storage.OpenSession(cancellationToken))
        {
            context.Session = session;
            await next();
            if (outbox is not null)
            {
                await outbox.Store(context.MessageId, context.Outgoing, session, cancellationToken);
            }

            await session.Commit(cancellationToken);
        }

        if (context.Outgoing.Count > 0)
        {
            await transport.Dispatch(context.Outgoing, cancellationToken);
        }

        if (outbox is not null)
        {
            await outbox.MarkDispatched(context.MessageId, cancellationToken);
        }
    }
}
