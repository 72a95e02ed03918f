using System.Net;
using System.Net.Http.Json;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Http;

// A fake Payments (declines from 1000) and Kitchen (accepts and prepares at once) run in-process, so orders go all the way.
[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_payment_and_kitchen_answer(Store store)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Customer customer = null!;

    private HttpClient Client => app.Client;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(store, peers: true);
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Burger", 8.90m, "EUR"), new MenuItemRequest("Caviar", 500m, "EUR"));
        customer = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_complete_the_order_with_one_timeline_entry_per_status()
    {
        var orderId = await Place(restaurant.Menu[0].Id, 3);

        await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Completed && o.Timeline.Count == 5).WaitAsync(Wait);
        var order = await OrdersTestApp.Read<OrderView>(await Client.GetAsync(new Uri($"/orders/{orderId}", UriKind.Relative)));

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(order.Total, Is.EqualTo(26.70m));
        Assert.That(
            order.Timeline.Select(t => t.Status),
            Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Ready, OrderStatus.Completed }));
    }

    [Test]
    public async Task Should_refuse_to_cancel_a_completed_order_with_409()
    {
        var orderId = await Place(restaurant.Menu[0].Id, 1);
        await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Completed).WaitAsync(Wait);

        var problem = await Problem.Read(await Client.PostAsJsonAsync($"/orders/{orderId}/cancel", new { reason = "too slow" }, OrdersTestApp.Json));

        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.Detail, Does.Contain("Completed"));
    }

    [Test]
    public async Task Should_cancel_a_declined_order_and_refuse_to_cancel_it_again()
    {
        var orderId = await Place(restaurant.Menu[1].Id, 2);
        var order = await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Cancelled).WaitAsync(Wait);

        var problem = await Problem.Read(await Client.PostAsJsonAsync($"/orders/{orderId}/cancel", new { reason = "again" }, OrdersTestApp.Json));

        Assert.That(order.Reason, Does.Contain("card limit exceeded"));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Cancelled }));
        Assert.That(order.Timeline[1].Reason, Is.EqualTo(order.Reason));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.Detail, Does.Contain("cancelled already"));
        var summary = (await app.ReadModel.ListAll()).Single(o => o.OrderId == orderId);
        Assert.That(summary, Is.EqualTo(new OrderSummary(orderId, customer.Id, OrderStatus.Cancelled, 1000m, "EUR", order.Reason)));
    }

    [Test]
    public async Task Should_refund_and_cancel_an_order_the_customer_cancelled_while_the_charge_was_pending()
    {
        var orderId = Guid.NewGuid();
        var charge = FakePayments.Hold(orderId);
        await Place(restaurant.Menu[0].Id, 2, orderId);
        await app.ReadModel.WhenOrder(orderId, o => o.Timeline.Count > 0).WaitAsync(Wait);

        using (var cancelled = new ProcessedSignal(EndpointNames.Orders, nameof(Messages.Commands.CancelOrder)))
        {
            var response = await Client.PostAsJsonAsync($"/orders/{orderId}/cancel", new { reason = "changed my mind" }, OrdersTestApp.Json);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            await cancelled.Processed.WaitAsync(Wait);
        }

        charge.SetResult();
        var order = await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Cancelled).WaitAsync(Wait);

        Assert.That(order.Reason, Is.EqualTo("Cancelled by the customer: changed my mind"));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Cancelled }));
    }

    private async Task<Guid> Place(Guid menuItemId, int quantity, Guid? id = null)
    {
        var orderId = id ?? Guid.NewGuid();
        var response = await Client.PostAsJsonAsync(
            "/orders", new PlaceOrderRequest(orderId, customer.Id, restaurant.Id, [new OrderLineRequest(menuItemId, quantity)]), OrdersTestApp.Json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        return orderId;
    }
}
