using OrderEats.Engine.ConsoleReporting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Admission;

// The admission gate's state travels in the endpoint's heartbeats as the condition "Admission", so the console shows an instance that sheds.
[TestFixture]
public class When_orders_refuses_new_orders
{
    private static readonly TimeSpan Often = TimeSpan.FromMilliseconds(200);

    [Test]
    public async Task Should_report_the_admission_condition_as_shedding_in_its_heartbeats()
    {
        await using var app = await OrdersTestApp.Start(
            Store.Sqlite,
            settings: new Dictionary<string, string?> { ["Orders:Admission:Enabled"] = "true", ["Orders:Admission:MinInFlight"] = "2" },
            endpoint: e => e.SendHeartbeatsTo("console", Often));
        await using var heartbeats = await HeartbeatWatch.Start(Path.Combine(app.Folder, "transport"), "console");
        var open = await heartbeats.Next(h => Admission(h) is { } a && !a.GetProperty("degraded").GetBoolean());
        var restaurant = await app.CreateRestaurant(new MenuItemRequest("Soup", 7m, "EUR"));
        var customer = await app.CreateCustomer();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await app.Client.PostAsJsonAsync(
                "/orders", new PlaceOrderRequest(Guid.NewGuid(), customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]), OrdersTestApp.Json);
            statuses.Add(response.StatusCode);
        }

        var shedding = await heartbeats.Next(h => Admission(h) is { } a && a.GetProperty("degraded").GetBoolean());

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
            Assert.That(open.GetProperty("endpoint").GetString(), Is.EqualTo(EndpointNames.Orders));
            Assert.That(Admission(open)!.Value.GetProperty("detail").GetString(), Does.StartWith("open: 0 in flight"));
            Assert.That(Admission(shedding)!.Value.GetProperty("detail").GetString(), Does.StartWith("shedding: 2 in flight").And.EndWith("1 refused"));
        });
    }

    [Test]
    public async Task Should_report_no_admission_condition_when_the_gate_is_off()
    {
        await using var app = await OrdersTestApp.Start(Store.Sqlite, endpoint: e => e.SendHeartbeatsTo("console", Often));
        await using var heartbeats = await HeartbeatWatch.Start(Path.Combine(app.Folder, "transport"), "console");

        var heartbeat = await heartbeats.Next(h => h.GetProperty("endpoint").GetString() == EndpointNames.Orders);

        Assert.That(heartbeat.GetProperty("conditions").GetArrayLength(), Is.Zero);
    }

    private static JsonElement? Admission(JsonElement heartbeat) =>
        heartbeat.GetProperty("conditions").EnumerateArray().Where(c => c.GetProperty("name").GetString() == "Admission").Select(c => (JsonElement?)c).FirstOrDefault();
}
