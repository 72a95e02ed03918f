using OrderEats.Engine;

namespace OrderEats.Benchmarks.Messages;

/// <summary>Updates an existing benchmark saga.</summary>
public sealed record TouchBench(Guid BenchId, int Number) : ICommand;
