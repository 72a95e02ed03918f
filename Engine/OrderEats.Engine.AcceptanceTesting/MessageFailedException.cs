using OrderEats.Engine.Notifications;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>A message of the scenario ended in the error queue of an endpoint that does not allow it (see <c>DoNotFailOnErrorMessages</c>).</summary>
public sealed class MessageFailedException : Exception
{
    /// <summary>Creates the exception for <paramref name="failed"/>; the first failure's exception is the inner exception.</summary>
    public MessageFailedException(IReadOnlyList<FailedMessage> failed, ScenarioContext context)
        : base(Describe(failed), failed.Count > 0 ? failed[0].Exception : null)
    {
        FailedMessages = failed;
        ScenarioContext = context;
    }

    /// <summary>The messages that failed.</summary>
    public IReadOnlyList<FailedMessage> FailedMessages { get; }

    /// <summary>The scenario's context when it stopped.</summary>
    public ScenarioContext ScenarioContext { get; }

    private static string Describe(IReadOnlyList<FailedMessage> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return $"{failed.Count} message(s) ended in the error queue: " + string.Join("; ", failed.Select(f =>
            $"{f.MessageId} ({f.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)}) on {f.Endpoint}: {f.Exception.GetType().Name}: {f.Exception.Message}")) +
            ". If the scenario expects failures, call DoNotFailOnErrorMessages() on the endpoint and assert on context.FailedMessages.";
    }
}
