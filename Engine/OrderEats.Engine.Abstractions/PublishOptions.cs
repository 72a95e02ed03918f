namespace OrderEats.Engine;

/// <summary>Options for publishing an event.</summary>
public sealed class PublishOptions : ExtendableOptions;
