using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

public sealed class TabSagaData : ContainSagaData
{
    public Guid TabId { get; set; }
}
