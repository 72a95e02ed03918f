using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed class ParcelSagaData : ContainSagaData
{
    public Guid ParcelId { get; set; }

    public int Scans { get; set; }
}
