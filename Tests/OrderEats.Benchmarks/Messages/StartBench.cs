using OrderEats.Engine;

namespace OrderEats.Benchmarks.Messages;

/// <summary>Starts a benchmark saga.</summary>
public sealed record StartBench(Guid BenchId) : ICommand;
