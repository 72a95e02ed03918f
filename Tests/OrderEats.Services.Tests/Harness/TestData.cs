using OrderEats.Messages;

namespace OrderEats.Services.Tests.Harness;

public static class TestData
{
    public static Money Eur(decimal amount) => new(amount, "EUR");

    public static IReadOnlyList<OrderLine> Lines { get; } = [new OrderLine(Guid.NewGuid(), "Margherita", 2, Eur(9.50m))];
}
