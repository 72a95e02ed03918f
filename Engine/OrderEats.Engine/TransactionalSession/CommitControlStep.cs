using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.TransactionalSession;

/// <summary>
/// Completes transactional sessions from their control message. The session's outbox record found undispatched: its messages are dispatched
/// (the session's process died between commit and dispatch). Found dispatched: nothing to do. Not found: the session has not committed yet, so
/// the control message is looked at again later (the delay doubling each time) until the maximum commit duration has passed; then an empty record is
/// stored in the session's place, so a commit that still arrives fails on the outbox key instead of committing messages nobody dispatches.
/// Other messages pass on.
/// </summary>
internal sealed class CommitControlStep(TransactionalSessions sessions, IStorage storage) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (!CommitControlMessage.Is(context.Headers))
        {
            await next();
            return;
        }

        var sessionId = context.MessageId;
        var cancellationToken = context.CancellationToken;
        var settings = sessions.Configuration.TransactionalSession;
        var logger = sessions.Logger;
        OutboxRecord? record;
        var abandoned = false;
        var now = sessions.Time.GetUtcNow();
        var startedAt = CommitControlMessage.StartedAt(context.Headers, now);
        await using (var session = await storage.OpenSession(cancellationToken))
        {
            record = await sessions.Outbox.Get(sessionId, session, cancellationToken);
            if (record is null && now - startedAt >= settings.MaxCommitDuration)
            {
                await sessions.Outbox.Store(sessionId, [], session, cancellationToken);
                await session.Commit(cancellationToken);
                abandoned = true;
            }

            if (record is null && !abandoned)
            {
                var attempt = CommitControlMessage.AttemptOf(context.Headers) + 1;
                var delay = settings.CommitDelay * Math.Pow(2, Math.Min(attempt - 1, 10));
                var configuration = sessions.Configuration;
                await sessions.Transport.Dispatch(
                    [CommitControlMessage.Create(sessionId, configuration.EndpointName, configuration.EndpointName, configuration.HostName, startedAt, attempt, now + delay)],
                    cancellationToken);
                logger.LogDebug("Transactional session {SessionId} has not committed yet; looking again in {Delay}", sessionId, delay);
                return;
            }
        }

        // Marks are written outside the unit of work: they need a connection (and, on SQLite, the writer gate) of their own.
        if (abandoned)
        {
            await sessions.Marks.Mark(sessionId);
            logger.LogWarning(
                "Transactional session {SessionId} started committing at {StartedAt} and has not committed within {MaxCommitDuration}; recorded as abandoned, so a late commit fails and sends nothing",
                sessionId, startedAt, settings.MaxCommitDuration);
            return;
        }

        if (record!.Dispatched)
        {
            return;
        }

        await sessions.Transport.Dispatch(record.Operations, cancellationToken);
        await sessions.Marks.Mark(sessionId);
        logger.LogWarning(
            "Transactional session {SessionId} committed but its {Count} messages were not dispatched (its process stopped between commit and dispatch); dispatched them now",
            sessionId, record.Operations.Count);
    }
}
