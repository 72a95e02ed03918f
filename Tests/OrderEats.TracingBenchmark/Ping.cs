using OrderEats.Engine;

namespace OrderEats.TracingBenchmark;

/// <summary>The benchmark's message.</summary>
internal sealed record Ping(Guid OrderId, int Number) : IMessage;
