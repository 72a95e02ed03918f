using OrderEats.Engine;

namespace OrderEats.Benchmarks.EngineRuns;

public sealed class BenchSagaData : ContainSagaData
{
    public Guid BenchId { get; set; }

    public int Touches { get; set; }

    public string Note { get; set; } = "";
}
