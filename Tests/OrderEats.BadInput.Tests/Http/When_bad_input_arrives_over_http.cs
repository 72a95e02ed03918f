using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrderEats.BadInput.Tests.Http;

/// <summary>The HTTP half of the bad-input catalogue: every kind ends in a 4xx that says what is wrong, and the API keeps taking good orders.</summary>
[TestFixture]
public sealed class When_bad_input_arrives_over_http
{
    private OrdersApiHost host = null!;
    private Guid customerId;
    private Guid restaurantId;
    private Guid menuItemId;

    [OneTimeSetUp]
    public async Task Start()
    {
        host = await OrdersApiHost.Start();
        var restaurant = await host.Client.PostAsJsonAsync("/restaurants", new { name = "Bad Input Bistro " + Guid.NewGuid().ToString("N")[..6], menu = new[] { new { name = "Soup", price = 6.5m, currency = "EUR" } } });
        restaurant.EnsureSuccessStatusCode();
        using var restaurantJson = JsonDocument.Parse(await restaurant.Content.ReadAsStringAsync());
        restaurantId = restaurantJson.RootElement.GetProperty("id").GetGuid();
        menuItemId = restaurantJson.RootElement.GetProperty("menu")[0].GetProperty("id").GetGuid();
        var customer = await host.Client.PostAsJsonAsync("/customers", new { name = "Bea", email = $"bea.{Guid.NewGuid():N}@example.com" });
        customer.EnsureSuccessStatusCode();
        using var customerJson = JsonDocument.Parse(await customer.Content.ReadAsStringAsync());
        customerId = customerJson.RootElement.GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public async Task Stop() => await host.DisposeAsync();

    [Test]
    public async Task Should_refuse_malformed_json_with_400_naming_the_position()
    {
        var (status, body) = await Post("{\"orderId\": \"", "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("not valid JSON"));
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_missing_fields_with_400_per_field()
    {
        var (status, body) = await Post("{}", "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("orderId").And.Contain("customerId").And.Contain("restaurantId").And.Contain("lines"));
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_wrong_typed_fields_with_400_naming_the_field()
    {
        var json = $"{{\"orderId\":\"{Guid.NewGuid()}\",\"customerId\":\"{customerId}\",\"restaurantId\":\"{restaurantId}\",\"lines\":[{{\"menuItemId\":\"{menuItemId}\",\"quantity\":\"two\"}}]}}";
        var (status, body) = await Post(json, "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("quantity"));
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_a_negative_quantity_with_400()
    {
        var (status, body) = await PostOrder(restaurantId, menuItemId, quantity: -2);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.Contain("quantity").And.Contain("-2"));
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_an_unknown_restaurant_with_a_4xx_naming_it()
    {
        var unknown = Guid.NewGuid();
        var (status, body) = await PostOrder(unknown, menuItemId, quantity: 1);
        Assert.That((int)status, Is.InRange(400, 499));
        Assert.That(body, Does.Contain("restaurant").IgnoreCase);
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_an_unknown_menu_item_with_a_4xx_naming_it()
    {
        var (status, body) = await PostOrder(restaurantId, Guid.NewGuid(), quantity: 1);
        Assert.That((int)status, Is.InRange(400, 499));
        Assert.That(body, Does.Contain("menu").IgnoreCase);
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_an_oversized_body_with_413()
    {
        var padding = new string(' ', 200 * 1024);
        var (status, body) = await Post("{" + padding + "}", "application/json");
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body, Does.Contain("at most"));
        await AssertStillTakesOrders();
    }

    [Test]
    public async Task Should_refuse_a_wrong_content_type_with_415()
    {
        var json = $"{{\"orderId\":\"{Guid.NewGuid()}\",\"customerId\":\"{customerId}\",\"restaurantId\":\"{restaurantId}\",\"lines\":[{{\"menuItemId\":\"{menuItemId}\",\"quantity\":1}}]}}";
        var (status, body) = await Post(json, "text/plain");
        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(body, Does.Contain("application/json"));
        await AssertStillTakesOrders();
    }

    private async Task<(HttpStatusCode Status, string Body)> PostOrder(Guid restaurant, Guid item, int quantity)
    {
        var json = JsonSerializer.Serialize(new { orderId = Guid.NewGuid(), customerId, restaurantId = restaurant, lines = new[] { new { menuItemId = item, quantity } } });
        return await Post(json, "application/json");
    }

    private async Task<(HttpStatusCode Status, string Body)> Post(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await host.Client.PostAsync(new Uri("/orders", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task AssertStillTakesOrders()
    {
        var (status, body) = await PostOrder(restaurantId, menuItemId, quantity: 1);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body);
    }
}
