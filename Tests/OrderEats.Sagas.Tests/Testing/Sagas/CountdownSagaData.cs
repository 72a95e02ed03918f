using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed class CountdownSagaData : ContainSagaData
{
    public Guid CountdownId { get; set; }

    public IReadOnlyList<int> Counted { get; set; } = [];
}
