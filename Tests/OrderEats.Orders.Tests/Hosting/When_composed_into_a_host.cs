using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Placement;
using OrderEats.Orders.Tests.Infrastructure;
using OrderEats.Sagas;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Tests.Hosting;

// The all-in-one host registers every service in one container, so another endpoint may be the unkeyed IMessageSession.
[TestFixture]
public class When_composed_into_a_host
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OrdersTestApp app = null!;

    [OneTimeSetUp]
    public async Task Start() => app = await OrdersTestApp.Start(
        Store.Sqlite,
        settings: new Dictionary<string, string?> { ["Orders:KitchenTimeout"] = "00:02:30", ["Orders:CancelledRetention"] = "02:00:00" },
        registerFirst: (services, infrastructure) =>
        {
            // Registered before Orders: it becomes the unkeyed IMessageSession, which has no route for PlaceOrder.
            var other = new EndpointConfiguration("notifications-" + Guid.NewGuid().ToString("N")[..8]);
            other.UseLearningTransport(infrastructure.LearningFolder);
            services.AddOrderEatsEndpoint(other);
        });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_send_through_the_orders_endpoint_not_the_first_one_registered()
    {
        Assert.That(app.Services.GetRequiredService<IMessageSession>(), Is.Not.SameAs(app.Services.GetRequiredKeyedService<IMessageSession>(EndpointNames.Orders)));
        var catalog = app.Services.GetRequiredService<CatalogStore>();
        var restaurant = await catalog.CreateRestaurant(new CreateRestaurantRequest("Host", [new MenuItemRequest("Tea", 2m, "GBP")]));
        var customer = await catalog.CreateCustomer(new CreateCustomerRequest("Host", $"host.{Guid.NewGuid():N}@example.com"));
        var orderId = Guid.NewGuid();

        var result = await app.Services.GetRequiredService<OrderPlacement>().Place(
            new PlaceOrderRequest(orderId, customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 3)]));
        var order = await app.ReadModel.WhenOrder(orderId, o => o.Timeline.Count > 0).WaitAsync(Wait);

        Assert.That(result.Outcome, Is.EqualTo(PlaceOrderOutcome.Accepted));
        Assert.That(order.Total, Is.EqualTo(6m));
        Assert.That(order.Currency, Is.EqualTo("GBP"));
        Assert.That(order.Timeline.Single().Status, Is.EqualTo(OrderStatus.Submitted));
    }

    [Test]
    public void Should_give_the_saga_the_configured_timeouts()
    {
        var options = app.Services.GetRequiredService<OrderSagaOptions>();
        Assert.That((options.PaymentTimeout, options.KitchenTimeout, options.CancelledRetention),
            Is.EqualTo((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(150), TimeSpan.FromHours(2))));
    }

    [TestCase("PaymentTimeout", "00:00:00")]
    [TestCase("KitchenTimeout", "-00:01:00")]
    [TestCase("CancelledRetention", "00:00:00")]
    public void Should_refuse_to_start_with_a_timeout_that_is_not_positive(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orders:" + key] = value,
            ["Orders:Auth:SigningKey"] = OrdersTestApp.SigningKey,
        }).Build();
        var infrastructure = new InfrastructureOptions { DataFolder = Path.Combine(Path.GetTempPath(), "unused") };
        using var services = new ServiceCollection().AddLogging().AddOrdersService(configuration, infrastructure).BuildServiceProvider();

        // What the host's start-up validation (ValidateOnStart) runs before any service starts.
        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<OrdersOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("Orders:" + key).And.Contain("set a positive duration"));
    }
}
