using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed class UnmappedSagaData : ContainSagaData
{
    public Guid OrderId { get; set; }
}
