namespace OrderEats.Console.Model;

/// <summary>Where a failed message stands.</summary>
public enum FailureStatus
{
    /// <summary>Failed and waiting for an operator.</summary>
    Unresolved,

    /// <summary>An operator retried it; waiting for the endpoint to report success (or for it to fail again).</summary>
    RetryIssued,

    /// <summary>The retried message was processed successfully.</summary>
    Resolved,

    /// <summary>Put aside by an operator; can be restored.</summary>
    Archived,
}
