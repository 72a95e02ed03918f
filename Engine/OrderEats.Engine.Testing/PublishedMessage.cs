namespace OrderEats.Engine.Testing;

/// <summary>An event a handler published.</summary>
/// <param name="Message">The event.</param>
/// <param name="Options">The options it was published with.</param>
public sealed record PublishedMessage(object Message, PublishOptions Options);
