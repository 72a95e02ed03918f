using OrderEats.Engine;

namespace OrderEats.Benchmarks.Messages;

/// <summary>A message a no-op handler receives.</summary>
public sealed record Ping(int Number) : ICommand;
