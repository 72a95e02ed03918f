namespace OrderEats.Engine;

/// <summary>How the endpoint completes transactional sessions (see <see cref="ITransactionalSession"/>).</summary>
public sealed class TransactionalSessionSettings
{
    /// <summary>
    /// When the control message that repairs a crash between commit and dispatch is first looked at, after the commit started (default 2 s).
    /// A repaired session's messages go out about this long after the crash.
    /// </summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a session may take to commit (default 30 s). A control message that finds no committed session after this long records the
    /// session as abandoned, so that a commit arriving later fails instead of sending messages nobody will dispatch.
    /// </summary>
    public TimeSpan MaxCommitDuration { get; set; } = TimeSpan.FromSeconds(30);
}
