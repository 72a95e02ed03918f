using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Edge;

[TestFixture]
public class When_calling_the_api_with_credentials
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private OrdersTestApp app = null!;
    private Restaurant restaurant = null!;
    private Customer alice = null!;
    private Customer bob = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(Store.Sqlite);
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Pizza", 12.50m, "EUR"));
        alice = await app.CreateCustomer();
        bob = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_answer_an_anonymous_order_with_a_401_problem()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.PostAsJsonAsync("/orders", Order(alice), OrdersTestApp.Json);
        var problem = await Problem.Read(response);

        Assert.Multiple(() =>
        {
            Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Detail, Does.Contain("Authorization: Bearer"));
            Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
        });
    }

    [Test]
    public async Task Should_accept_and_show_a_customers_own_order()
    {
        using var client = app.AsCustomer(alice.Id);
        var order = Order(alice);

        var placed = await client.PostAsJsonAsync("/orders", order, OrdersTestApp.Json);
        var read = await client.GetAsync(placed.Headers.Location);

        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await OrdersTestApp.Read<OrderView>(read)).CustomerId, Is.EqualTo(alice.Id));
    }

    [Test]
    public async Task Should_answer_another_customers_order_exactly_like_one_that_does_not_exist()
    {
        using var aliceClient = app.AsCustomer(alice.Id);
        using var bobClient = app.AsCustomer(bob.Id);
        var order = Order(alice);
        var missing = Guid.NewGuid();
        (await aliceClient.PostAsJsonAsync("/orders", order, OrdersTestApp.Json)).EnsureSuccessStatusCode();

        var read = await Problem.Read(await bobClient.GetAsync(new Uri($"/orders/{order.OrderId}", UriKind.Relative)));
        var readMissing = await Problem.Read(await bobClient.GetAsync(new Uri($"/orders/{missing}", UriKind.Relative)));
        var cancel = await Problem.Read(await bobClient.PostAsJsonAsync($"/orders/{order.OrderId}/cancel", new { reason = "not mine" }, OrdersTestApp.Json));
        var cancelMissing = await Problem.Read(await bobClient.PostAsJsonAsync($"/orders/{missing}/cancel", new { reason = "not mine" }, OrdersTestApp.Json));
        var ownCancel = await aliceClient.PostAsJsonAsync($"/orders/{order.OrderId}/cancel", new { reason = "changed my mind" }, OrdersTestApp.Json);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(read.Detail.Replace(order.OrderId.ToString(), "<id>", StringComparison.Ordinal), Is.EqualTo(readMissing.Detail.Replace(missing.ToString(), "<id>", StringComparison.Ordinal)));
            Assert.That(cancel.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(cancel.Detail.Replace(order.OrderId.ToString(), "<id>", StringComparison.Ordinal), Is.EqualTo(cancelMissing.Detail.Replace(missing.ToString(), "<id>", StringComparison.Ordinal)));
            Assert.That(ownCancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task Should_forbid_a_customer_to_order_for_someone_else()
    {
        using var client = app.AsCustomer(alice.Id);

        var problem = await Problem.Read(await client.PostAsJsonAsync("/orders", Order(bob), OrdersTestApp.Json));

        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(problem.Detail, Does.Contain(bob.Id.ToString()));
    }

    [Test]
    public async Task Should_keep_back_office_operations_from_customers()
    {
        using var client = app.AsCustomer(alice.Id);

        var createRestaurant = await client.PostAsJsonAsync("/restaurants", new CreateRestaurantRequest("Mine", [new MenuItemRequest("Soup", 3m, "EUR")]), OrdersTestApp.Json);
        var createCustomer = await client.PostAsJsonAsync("/customers", new CreateCustomerRequest("Eve", "eve@example.com"), OrdersTestApp.Json);
        var menu = await client.GetAsync(new Uri($"/restaurants/{restaurant.Id}", UriKind.Relative));
        var self = await client.GetAsync(new Uri($"/customers/{alice.Id}", UriKind.Relative));
        var other = await client.GetAsync(new Uri($"/customers/{bob.Id}", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That((await Problem.Read(createRestaurant)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(createCustomer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(menu.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(self.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Should_reject_an_unknown_api_key_a_forged_token_and_an_expired_one()
    {
        using var wrongKey = app.Anonymous();
        wrongKey.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, "guessed-key");
        using var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("someone-elses-signing-key-0123456789-abcdefghij", Clock.GetUtcNow().UtcDateTime.AddHours(1)));
        using var expired = app.Anonymous();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(OrdersTestApp.SigningKey, Clock.GetUtcNow().UtcDateTime.AddHours(-1)));

        var answers = new List<Problem>();
        foreach (var client in new[] { wrongKey, forged, expired })
        {
            answers.Add(await Problem.Read(await client.GetAsync(new Uri("/restaurants", UriKind.Relative))));
        }

        Assert.That(answers.Select(a => a.Status), Has.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answers.Select(a => a.Detail), Has.All.Contain("rejected"));
    }

    [Test]
    public async Task Should_serve_health_anonymously()
    {
        using var anonymous = app.Anonymous();

        var response = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_not_offer_dev_tokens_outside_development()
    {
        using var anonymous = app.Anonymous();

        var asAnonymous = await anonymous.PostAsJsonAsync("/dev/token", new DevTokenRequest(alice.Id), OrdersTestApp.Json);
        var asBackOffice = await app.Client.PostAsJsonAsync("/dev/token", new DevTokenRequest(alice.Id), OrdersTestApp.Json);

        Assert.That(asAnonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "default deny: an unknown route needs credentials too");
        Assert.That(asBackOffice.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private PlaceOrderRequest Order(Customer customer) =>
        new(Guid.NewGuid(), customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]);

    private string Token(string signingKey, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", alice.Id.ToString())]),
        Issuer = "ordereats",
        Audience = "ordereats-api",
        NotBefore = expires.AddHours(-2),
        IssuedAt = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = new SigningCredentials(OrdersAuthOptions.Key(signingKey), SecurityAlgorithms.HmacSha256),
    });
}
