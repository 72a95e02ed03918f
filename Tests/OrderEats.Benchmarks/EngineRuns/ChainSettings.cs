namespace OrderEats.Benchmarks.EngineRuns;

/// <summary>How many hops a chain has.</summary>
public sealed record ChainSettings(int Hops);
