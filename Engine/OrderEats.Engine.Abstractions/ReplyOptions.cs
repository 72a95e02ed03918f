namespace OrderEats.Engine;

/// <summary>Options for a reply.</summary>
public sealed class ReplyOptions : ExtendableOptions;
