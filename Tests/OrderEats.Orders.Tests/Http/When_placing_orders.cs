using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Http;

// Payments and Kitchen queues exist but nobody answers: orders stay Submitted, which is what these tests look at.
[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_placing_orders(Store store)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Restaurant otherRestaurant = null!;
    private Customer customer = null!;

    private HttpClient Client => app.Client;

    private Guid Pizza => restaurant.Menu[0].Id;

    private Guid Salad => restaurant.Menu[1].Id;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(store);
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Pizza", 12.50m, "EUR"), new MenuItemRequest("Salad", 3.20m, "EUR"), new MenuItemRequest("Import", 4m, "USD"));
        otherRestaurant = await app.CreateRestaurant(new MenuItemRequest("Sushi", 20m, "EUR"));
        customer = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_accept_with_202_and_price_the_order_from_the_menu()
    {
        var orderId = Guid.NewGuid();
        // The client's own price is not part of the contract and is ignored.
        var body = $$"""
            {"orderId":"{{orderId}}","customerId":"{{customer.Id}}","restaurantId":"{{restaurant.Id}}",
             "lines":[{"menuItemId":"{{Pizza}}","quantity":2,"unitPrice":0.01},{"menuItemId":"{{Salad}}","quantity":1}],"total":0.02}
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Client.PostAsync(new Uri("/orders", UriKind.Relative), content);
        var accepted = await OrdersTestApp.Read<OrderView>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri($"/orders/{orderId}", UriKind.Relative)));
        Assert.That(accepted.Status, Is.EqualTo(OrderStatus.Submitted));
        Assert.That(accepted.Total, Is.EqualTo(28.20m));

        // The saga took PlaceOrder: its OrderStatusChanged(Submitted) reached the read model's timeline.
        await app.ReadModel.WhenOrder(orderId, o => o.Timeline.Count > 0).WaitAsync(Wait);
        var order = await OrdersTestApp.Read<OrderView>(await Client.GetAsync(response.Headers.Location));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Submitted));
        Assert.That(order.CustomerId, Is.EqualTo(customer.Id));
        Assert.That(order.RestaurantId, Is.EqualTo(restaurant.Id));
        Assert.That(order.Total, Is.EqualTo(28.20m));
        Assert.That(order.Currency, Is.EqualTo("EUR"));
        Assert.That(
            order.Lines.Select(l => (l.Name, l.Quantity, l.UnitPrice.Amount, l.LineTotal.Amount)),
            Is.EqualTo(new[] { ("Pizza", 2, 12.50m, 25.00m), ("Salad", 1, 3.20m, 3.20m) }));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted }));
        Assert.That(order.UpdatedAt, Is.GreaterThanOrEqualTo(order.PlacedAt));
    }

    [Test]
    public async Task Should_answer_a_repeated_identical_request_with_202_and_keep_one_order()
    {
        var request = Order(Guid.NewGuid(), (Pizza, 1));
        var first = await Client.PostAsJsonAsync("/orders", request, OrdersTestApp.Json);
        var second = await Client.PostAsJsonAsync("/orders", request, OrdersTestApp.Json);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That((await OrdersTestApp.Read<OrderView>(second)).Total, Is.EqualTo(12.50m));
        var all = await app.ReadModel.ListAll();
        Assert.That(all.Count(o => o.OrderId == request.OrderId), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_keep_one_order_when_identical_requests_race()
    {
        var request = Order(Guid.NewGuid(), (Salad, 2));
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostAsJsonAsync("/orders", request, OrdersTestApp.Json)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await app.ReadModel.ListAll()).Count(o => o.OrderId == request.OrderId), Is.EqualTo(1));
        var order = await app.ReadModel.WhenOrder(request.OrderId, o => o.Timeline.Count > 0).WaitAsync(Wait);
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted }));
    }

    [Test]
    public async Task Should_accept_one_of_racing_requests_with_different_content_and_refuse_the_others()
    {
        var orderId = Guid.NewGuid();
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(quantity => Client.PostAsJsonAsync("/orders", Order(orderId, (Pizza, quantity)), OrdersTestApp.Json)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Accepted), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
    }

    [Test]
    public async Task Should_answer_409_for_the_same_order_id_with_different_content()
    {
        var orderId = Guid.NewGuid();
        var first = await Client.PostAsJsonAsync("/orders", Order(orderId, (Pizza, 1)), OrdersTestApp.Json);
        var second = await Client.PostAsJsonAsync("/orders", Order(orderId, (Pizza, 2)), OrdersTestApp.Json);
        var problem = await Problem.Read(second);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.Detail, Does.Contain(orderId.ToString()));
        Assert.That((await app.ReadModel.Get(orderId))!.Lines.Single().Quantity, Is.EqualTo(1));
    }

    [Test]
    public async Task Should_require_an_order_id()
    {
        var problem = await BadRequest(Order(Guid.Empty, (Pizza, 1)));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "orderId" }));
    }

    [Test]
    public async Task Should_require_an_order_id_in_the_body()
    {
        var problem = await BadRequest($$"""{"customerId":"{{customer.Id}}","restaurantId":"{{restaurant.Id}}","lines":[{"menuItemId":"{{Pizza}}","quantity":1}]}""");
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "orderId" }));
    }

    [Test]
    public async Task Should_reject_an_unknown_customer()
    {
        var problem = await BadRequest(Order(Guid.NewGuid(), (Pizza, 1)) with { CustomerId = Guid.NewGuid() });
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "customerId" }));
    }

    [Test]
    public async Task Should_reject_an_unknown_restaurant()
    {
        var problem = await BadRequest(Order(Guid.NewGuid(), (Pizza, 1)) with { RestaurantId = Guid.NewGuid() });
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "restaurantId" }));
    }

    [Test]
    public async Task Should_reject_an_order_without_lines()
    {
        var problem = await BadRequest(Order(Guid.NewGuid()));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "lines" }));
    }

    [Test]
    public async Task Should_reject_an_order_with_no_lines_property()
    {
        var problem = await BadRequest($$"""{"orderId":"{{Guid.NewGuid()}}","customerId":"{{customer.Id}}","restaurantId":"{{restaurant.Id}}"}""");
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "lines" }));
    }

    [Test]
    public async Task Should_reject_a_menu_item_of_another_restaurant()
    {
        var problem = await BadRequest(Order(Guid.NewGuid(), (Pizza, 1), (otherRestaurant.Menu[0].Id, 1)));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "lines[1].menuItemId" }));
    }

    [TestCase(0)]
    [TestCase(-3)]
    [TestCase(101)]
    public async Task Should_reject_a_quantity_outside_1_to_100(int quantity)
    {
        var problem = await BadRequest(Order(Guid.NewGuid(), (Pizza, 1), (Salad, quantity)));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "lines[1].quantity" }));
    }

    [Test]
    public async Task Should_reject_lines_in_two_currencies()
    {
        var problem = await BadRequest(Order(Guid.NewGuid(), (Pizza, 1), (restaurant.Menu[2].Id, 1)));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "lines" }));
        Assert.That(problem.Body.GetProperty("errors").GetProperty("lines")[0].GetString(), Does.Contain("EUR, USD"));
    }

    [Test]
    public async Task Should_name_every_invalid_field_at_once()
    {
        var problem = await BadRequest(new PlaceOrderRequest(Guid.Empty, Guid.Empty, Guid.Empty, [new OrderLineRequest(Guid.Empty, 0)]));
        Assert.That(problem.ErrorKeys, Is.EquivalentTo(new[] { "orderId", "customerId", "restaurantId", "lines[0].menuItemId", "lines[0].quantity" }));
    }

    [TestCase("{\"orderId\": ")]
    [TestCase("{\"orderId\": \"not-a-guid\"}")]
    [TestCase("[1, 2]")]
    [TestCase("")]
    public async Task Should_reject_a_malformed_order_body(string body)
    {
        var problem = await BadRequest(body);
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "body" }));
    }

    [TestCase("5b0bd7d8-5d7c-4b0c-9d53-6a8f1f3c2e11")]
    [TestCase("not-a-guid")]
    public async Task Should_answer_404_for_an_unknown_order(string id)
    {
        var problem = await Problem.Read(await Client.GetAsync(new Uri("/orders/" + id, UriKind.Relative)));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.Detail, Does.Contain(id));
    }

    [Test]
    public async Task Should_accept_a_cancel_of_a_submitted_order_with_202()
    {
        var orderId = Guid.NewGuid();
        (await Client.PostAsJsonAsync("/orders", Order(orderId, (Salad, 3)), OrdersTestApp.Json)).EnsureSuccessStatusCode();

        var response = await Client.PostAsJsonAsync($"/orders/{orderId}/cancel", new { reason = "changed my mind" }, OrdersTestApp.Json);
        var withoutBody = await Client.PostAsync(new Uri($"/orders/{orderId}/cancel", UriKind.Relative), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri($"/orders/{orderId}", UriKind.Relative)));
        Assert.That(withoutBody.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [TestCase("5b0bd7d8-5d7c-4b0c-9d53-6a8f1f3c2e12")]
    [TestCase("nope")]
    public async Task Should_answer_404_for_a_cancel_of_an_unknown_order(string id)
    {
        var problem = await Problem.Read(await Client.PostAsJsonAsync($"/orders/{id}/cancel", new { reason = "?" }, OrdersTestApp.Json));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.Detail, Does.Contain(id));
    }

    [Test]
    public async Task Should_reject_a_cancel_reason_longer_than_500_characters()
    {
        var orderId = Guid.NewGuid();
        (await Client.PostAsJsonAsync("/orders", Order(orderId, (Salad, 1)), OrdersTestApp.Json)).EnsureSuccessStatusCode();
        var problem = await Problem.Read(await Client.PostAsJsonAsync($"/orders/{orderId}/cancel", new { reason = new string('x', 501) }, OrdersTestApp.Json));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "reason" }));
    }

    [Test]
    public async Task Should_reject_a_malformed_cancel_body()
    {
        var orderId = Guid.NewGuid();
        (await Client.PostAsJsonAsync("/orders", Order(orderId, (Salad, 1)), OrdersTestApp.Json)).EnsureSuccessStatusCode();
        using var content = new StringContent("{\"reason\": ", Encoding.UTF8, "application/json");
        var problem = await Problem.Read(await Client.PostAsync(new Uri($"/orders/{orderId}/cancel", UriKind.Relative), content));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "body" }));
    }

    private PlaceOrderRequest Order(Guid orderId, params (Guid MenuItemId, int Quantity)[] lines) =>
        new(orderId, customer.Id, restaurant.Id, [.. lines.Select(l => new OrderLineRequest(l.MenuItemId, l.Quantity))]);

    private async Task<Problem> BadRequest(PlaceOrderRequest request) =>
        await BadRequest(await Client.PostAsJsonAsync("/orders", request, OrdersTestApp.Json));

    private async Task<Problem> BadRequest(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await BadRequest(await Client.PostAsync(new Uri("/orders", UriKind.Relative), content));
    }

    private static async Task<Problem> BadRequest(HttpResponseMessage response)
    {
        var problem = await Problem.Read(response);
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
        return problem;
    }
}
