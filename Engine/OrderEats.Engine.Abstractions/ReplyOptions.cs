namespace OrderEats.Engine;

/// <summary>Options for a reply.</summary>
public sealed class ReplyOptions : ExtendableOptions
{
    /// <summary>The queue to reply to instead of the incoming message's reply-to address (a saga's <c>ReplyToOriginator</c> sets it to the originator).</summary>
    public string? Destination { get; set; }
}
