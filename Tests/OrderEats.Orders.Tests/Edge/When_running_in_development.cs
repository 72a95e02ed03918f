using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Edge;

[TestFixture]
public class When_running_in_development
{
    [Test]
    public async Task Should_hand_out_a_dev_token_that_places_the_customers_order()
    {
        await using var app = await OrdersTestApp.Start(Store.Sqlite, environment: "Development");
        var restaurant = await app.CreateRestaurant(new MenuItemRequest("Pizza", 12.50m, "EUR"));
        var customer = await app.CreateCustomer();
        using var client = app.Anonymous();

        var issued = await client.PostAsJsonAsync("/dev/token", new DevTokenRequest(customer.Id), OrdersTestApp.Json);
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var placed = await client.PostAsJsonAsync(
            "/orders", new PlaceOrderRequest(Guid.NewGuid(), customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]), OrdersTestApp.Json);

        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }
}
