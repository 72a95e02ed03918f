namespace OrderEats.Benchmarks;

/// <summary>A closed loop's measured window: units per second and the benchmark process's CPU per unit (µs).</summary>
internal sealed record WindowResult(double PerSecond, double CpuMicrosecondsPerUnit);
