using OrderEats.Engine;

namespace OrderEats.Engine.OutboxCrashTarget;

/// <summary>The input message: record an effect and forward.</summary>
public sealed record RecordAndForward(string Key) : ICommand;
