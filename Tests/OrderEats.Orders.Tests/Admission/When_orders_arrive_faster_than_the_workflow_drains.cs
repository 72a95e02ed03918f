using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.ServiceDefaults.Health;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Admission;

// Nobody answers ChargePayment, so nothing drains: past Orders:Admission:MinInFlight the edge refuses instead of accepting orders whose
// payment timeout would cancel them.
[TestFixture]
public class When_orders_arrive_faster_than_the_workflow_drains
{
    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Customer customer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(Store.Sqlite, settings: new Dictionary<string, string?> { ["Orders:Admission:Enabled"] = "true", ["Orders:Admission:MinInFlight"] = "2" });
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Soup", 7m, "EUR"));
        customer = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_answer_503_with_retry_after_and_report_it_for_readiness()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await app.Client.PostAsJsonAsync(
                "/orders", new PlaceOrderRequest(Guid.NewGuid(), customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]), OrdersTestApp.Json);
            statuses.Add(last.StatusCode);
        }

        var problem = await Problem.Read(last);
        // What /health/ready lists under this name (the host's readiness check adds every report).
        var report = app.Services.GetServices<IReadinessReport>().Single(r => r.Name == "admission:orders");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
            Assert.That(last.Headers.RetryAfter?.Delta, Is.Not.Null.And.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)));
            Assert.That(problem.Detail, Does.Contain("waiting for the kitchen").And.Contain("Nothing was stored"));
            Assert.That(report.State, Does.StartWith("shedding: 2 in flight"));
        });
    }
}
