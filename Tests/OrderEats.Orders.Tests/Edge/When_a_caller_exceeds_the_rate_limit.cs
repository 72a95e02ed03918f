using System.Net;
using System.Net.Http.Json;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Edge;

// The window is an hour, so no permit comes back during the test: the counts below are deterministic.
[TestFixture]
public class When_a_caller_exceeds_the_rate_limit
{
    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Customer alice = null!;
    private Customer bob = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(Store.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Orders:RateLimit:PermitLimit"] = "3",
            ["Orders:RateLimit:AnonymousPermitLimit"] = "2",
            ["Orders:RateLimit:Window"] = "01:00:00",
        });
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Pizza", 12.50m, "EUR"));
        alice = await app.CreateCustomer();
        bob = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_answer_429_with_retry_after_past_the_callers_limit_and_not_limit_others()
    {
        using var aliceClient = app.AsCustomer(alice.Id);
        using var bobClient = app.AsCustomer(bob.Id);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await aliceClient.PostAsJsonAsync("/orders", Order(alice), OrdersTestApp.Json);
            statuses.Add(last.StatusCode);
        }

        var problem = await Problem.Read(last);
        var bobsOrder = await bobClient.PostAsJsonAsync("/orders", Order(bob), OrdersTestApp.Json);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, (HttpStatusCode)429 }));
            Assert.That(last.Headers.RetryAfter?.Delta, Is.Not.Null.And.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)));
            Assert.That(problem.Detail, Does.Contain("Retry-After"));
            Assert.That(bobsOrder.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "another caller has its own limit");
        });
    }

    [Test]
    public async Task Should_limit_anonymous_requests_per_ip_address()
    {
        using var anonymous = app.Anonymous();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            // Counted before authorization refuses it: unauthenticated callers cannot wear the API down either.
            last = await anonymous.GetAsync(new Uri("/restaurants", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429 }));
        Assert.That(last.Headers.RetryAfter?.Delta, Is.Not.Null);
    }

    private PlaceOrderRequest Order(Customer customer) =>
        new(Guid.NewGuid(), customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]);
}
