namespace OrderEats.Console.Model;

/// <summary>How failures are grouped.</summary>
public enum GroupingKind
{
    /// <summary>Exception type plus the first stack frame (the default).</summary>
    Exception,

    /// <summary>The endpoint that failed to process the message.</summary>
    Endpoint,

    /// <summary>The message type.</summary>
    MessageType,
}
