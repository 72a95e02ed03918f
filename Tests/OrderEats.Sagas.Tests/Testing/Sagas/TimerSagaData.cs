using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed class TimerSagaData : ContainSagaData
{
    public Guid TimerId { get; set; }

    public IReadOnlyList<string> Fired { get; set; } = [];

    public IReadOnlyList<string> Pongs { get; set; } = [];
}
