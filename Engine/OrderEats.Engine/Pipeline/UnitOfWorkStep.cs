using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Pipeline;

/// <summary>
/// Wraps the handlers in one unit of work and dispatches their messages after it commits. With the outbox, the record is looked up and the
/// messages are stored in that same unit of work, and a redelivered message only dispatches what it stored the first time. The saga loads
/// the message will make are announced first (<paramref name="readAhead"/>), so a persister that reads ahead sends them with the outbox lookup.
/// </summary>
internal sealed class UnitOfWorkStep(
    IStorage storage, IOutboxStorage? outbox, OutboxDispatchMarks? marks, ITransport transport, Action<IncomingContext, IUnitOfWork>? readAhead, ILogger logger) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        var cancellationToken = context.CancellationToken;
        OutboxRecord? processedBefore = null;
        await using (var session = await storage.OpenSession(cancellationToken))
        {
            readAhead?.Invoke(context, session);
            if (outbox is not null)
            {
                processedBefore = await outbox.Get(context.MessageId, session, cancellationToken);
            }

            if (processedBefore is null)
            {
                context.Session = session;
                await next();
                if (outbox is not null)
                {
                    await outbox.Store(context.MessageId, context.Outgoing, session, cancellationToken);
                }

                await session.Commit(cancellationToken);
            }
        }

        if (processedBefore is not null)
        {
            if (!processedBefore.Dispatched)
            {
                await transport.Dispatch(processedBefore.Operations, cancellationToken);
                await marks!.Mark(context.MessageId);
            }

            logger.LogInformation(
                "Message {MessageId} was processed before; the outbox dispatched its {Count} messages instead of running handlers again",
                context.MessageId, processedBefore.Dispatched ? 0 : processedBefore.Operations.Count);
            return;
        }

        if (context.Outgoing.Count > 0)
        {
            await transport.Dispatch(context.Outgoing, cancellationToken);
        }

        if (marks is not null)
        {
            await marks.Mark(context.MessageId);
        }
    }
}
