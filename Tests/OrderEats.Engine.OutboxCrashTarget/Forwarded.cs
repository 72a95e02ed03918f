using OrderEats.Engine;

namespace OrderEats.Engine.OutboxCrashTarget;

/// <summary>What the handler sends to queue "out".</summary>
public sealed record Forwarded(string Key) : ICommand;
