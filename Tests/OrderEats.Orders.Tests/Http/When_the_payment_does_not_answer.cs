using System.Net;
using System.Net.Http.Json;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Http;

// Nobody answers ChargePayment and Orders:PaymentTimeout is one second: proves the saga runs with the configured OrderSagaOptions.
[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_the_payment_does_not_answer(Store store)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Customer customer = null!;

    private HttpClient Client => app.Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(store, settings: new Dictionary<string, string?> { ["Orders:PaymentTimeout"] = "00:00:01" });
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Noodles", 11m, "EUR"));
        customer = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_cancel_the_order_after_the_configured_payment_timeout()
    {
        var orderId = await Place();

        var order = await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Cancelled).WaitAsync(Wait);

        Assert.That(order.Reason, Is.EqualTo("Payment was not confirmed within 00:00:01"));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Cancelled }));
    }

    private async Task<Guid> Place()
    {
        var orderId = Guid.NewGuid();
        var response = await Client.PostAsJsonAsync(
            "/orders", new PlaceOrderRequest(orderId, customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]), OrdersTestApp.Json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        return orderId;
    }
}
