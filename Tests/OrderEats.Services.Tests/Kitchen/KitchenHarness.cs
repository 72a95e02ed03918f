using System.Globalization;
using OrderEats.Engine;
using OrderEats.Kitchen;
using OrderEats.Messages.Commands;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

public static class KitchenHarness
{
    public static Task<ServiceHarness> Start(
        TestPersistence persistence, KitchenMode mode, double rejectionRate = 0, double ignoreRate = 0, TimeSpan? acceptDelay = null, TimeSpan? prepareTime = null) => ServiceHarness.Start(
        persistence,
        (services, configuration, infrastructure, customize) => services.AddKitchenService(configuration, infrastructure, customize),
        new Dictionary<string, string?>
        {
            ["Kitchen:Mode"] = mode.ToString(),
            ["Kitchen:AcceptDelay"] = (acceptDelay ?? TimeSpan.FromMilliseconds(20)).ToString("c", CultureInfo.InvariantCulture),
            ["Kitchen:PrepareTime"] = (prepareTime ?? TimeSpan.FromMilliseconds(20)).ToString("c", CultureInfo.InvariantCulture),
            ["Kitchen:RejectionRate"] = rejectionRate.ToString(CultureInfo.InvariantCulture),
            ["Kitchen:IgnoreRate"] = ignoreRate.ToString(CultureInfo.InvariantCulture),
        },
        configuration => configuration.AddHandler<PrepareOrderProbe>(),
        app => app.MapKitchenApi());

    /// <summary>Sends PrepareOrder and waits until the kitchen committed it.</summary>
    public static async Task<Guid> Prepare(this ServiceHarness harness, Guid? orderId = null, int expectedProbes = 1)
    {
        var id = orderId ?? Guid.NewGuid();
        await harness.Orders.Send(new PrepareOrder(id, Guid.NewGuid(), TestData.Lines), new SendOptions { Destination = KitchenService.EndpointName });
        await harness.Inbox.WaitFor<Probed>(p => p.OrderId == id && p.MessageType == nameof(PrepareOrder), expectedProbes);
        return id;
    }
}
