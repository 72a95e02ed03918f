using System.Globalization;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.TransactionalSession;

// The control message a transactional session sends to its own endpoint's queue before it commits: its id is the session id, so the outbox
// record it looks for is the session's. It carries no body; headers say when the commit started and how often it was looked at.
internal static class CommitControlMessage
{
    public const string Kind = "TransactionalSessionCommit";
    public const string CommitStartedAt = Headers.Prefix + "TransactionalSession.CommitStartedAt";
    public const string Attempt = Headers.Prefix + "TransactionalSession.Attempt";

    public static TransportOperation Create(string sessionId, string queue, string endpoint, string host, DateTimeOffset startedAt, int attempt, DateTimeOffset deliverAt)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Headers.MessageId] = sessionId,
            [Headers.ControlMessage] = Kind,
            [Headers.ContentType] = "application/json",
            [Headers.OriginatingEndpoint] = endpoint,
            [Headers.OriginatingHost] = host,
            [Headers.TimeSent] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            [CommitStartedAt] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            [Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
        };
        return TransportOperation.Send(new OutgoingMessage(sessionId, headers, "{}"u8.ToArray()), queue, deliverAt);
    }

    public static bool Is(IReadOnlyDictionary<string, string> headers) => headers.GetValueOrDefault(Headers.ControlMessage) == Kind;

    public static DateTimeOffset StartedAt(IReadOnlyDictionary<string, string> headers, DateTimeOffset fallback) =>
        DateTimeOffset.TryParse(headers.GetValueOrDefault(CommitStartedAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : fallback;

    public static int AttemptOf(IReadOnlyDictionary<string, string> headers) =>
        int.TryParse(headers.GetValueOrDefault(Attempt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempt) && attempt > 0 ? attempt : 1;
}
