using System.Globalization;
using OrderEats.Engine;
using OrderEats.Kitchen;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.ServiceDefaults;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

public static class KitchenHarness
{
    /// <summary>The restaurant the tests' tickets belong to, and the staff key bound to it.</summary>
    public static readonly Guid Restaurant = Guid.Parse("6a1f0c55-3b8e-4d6a-9f62-0d7c5b4e2a11");

    public const string StaffKey = "kitchen-tests-staff-key-5b0f3c";

    public static Task<ServiceHarness> Start(
        TestPersistence persistence, KitchenMode mode, double rejectionRate = 0, double ignoreRate = 0, TimeSpan? acceptDelay = null, TimeSpan? prepareTime = null,
        IReadOnlyDictionary<string, string?>? settings = null) => ServiceHarness.Start(
        persistence,
        (services, configuration, infrastructure, customize) => services.AddKitchenService(configuration, infrastructure, customize),
        new Dictionary<string, string?>
        {
            ["Kitchen:Mode"] = mode.ToString(),
            ["Kitchen:AcceptDelay"] = (acceptDelay ?? TimeSpan.FromMilliseconds(20)).ToString("c", CultureInfo.InvariantCulture),
            ["Kitchen:PrepareTime"] = (prepareTime ?? TimeSpan.FromMilliseconds(20)).ToString("c", CultureInfo.InvariantCulture),
            ["Kitchen:RejectionRate"] = rejectionRate.ToString(CultureInfo.InvariantCulture),
            ["Kitchen:IgnoreRate"] = ignoreRate.ToString(CultureInfo.InvariantCulture),
            ["Kitchen:Auth:StaffKeys:0:Name"] = "tests-pass",
            ["Kitchen:Auth:StaffKeys:0:RestaurantId"] = Restaurant.ToString(),
            ["Kitchen:Auth:StaffKeys:0:Sha256"] = Sha256(StaffKey),
        }.Concat(settings ?? new Dictionary<string, string?>()).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        configuration => configuration.AddHandler<PrepareOrderProbe>(),
        app =>
        {
            app.UseOrderEatsEdge();
            app.MapKitchenApi();
        });

    /// <summary>A client with the staff key of <see cref="Restaurant"/>.</summary>
    public static HttpClient Staff(this ServiceHarness harness, string key = StaffKey)
    {
        var client = harness.Client();
        client.DefaultRequestHeaders.Add("X-Kitchen-Key", key);
        return client;
    }

    public static string Sha256(string key) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>Sends PrepareOrder and waits until the kitchen committed it.</summary>
    public static async Task<Guid> Prepare(this ServiceHarness harness, Guid? orderId = null, int expectedProbes = 1, Guid? restaurantId = null)
    {
        var id = orderId ?? Guid.NewGuid();
        await harness.Orders.Send(new PrepareOrder(id, restaurantId ?? Restaurant, TestData.Lines), new SendOptions { Destination = EndpointNames.Kitchen });
        await harness.Inbox.WaitFor<Probed>(p => p.OrderId == id && p.MessageType == nameof(PrepareOrder), expectedProbes);
        return id;
    }
}
