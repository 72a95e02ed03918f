using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Edge;

// Finding 4: customers and staff were separated only by what the token issuer put in (a "role": "backoffice" claim), and any algorithm the
// key could verify was accepted.
[TestFixture]
public class When_a_token_claims_back_office_rights
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const string StaffKey = "orders-tests-staff-signing-key-9876543210-zyxwvu";

    // 64 bytes: long enough that HS384 and HS512 could verify with it, so only the pinned algorithm list refuses them.
    private const string CustomerKey = "orders-tests-customer-signing-key-64-bytes-0123456789-abcdefghij";
    private OrdersTestApp app = null!;
    private Customer alice = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(Store.Sqlite, settings: new Dictionary<string, string?>
        {
            ["Orders:Auth:Staff:Issuer"] = "ordereats-staff",
            ["Orders:Auth:Staff:Audience"] = "ordereats-backoffice",
            ["Orders:Auth:Staff:SigningKey"] = StaffKey,
            ["Orders:Auth:SigningKey"] = CustomerKey,
        });
        alice = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_not_give_a_customer_token_back_office_rights_whatever_its_claims()
    {
        var token = Token(CustomerKey, "ordereats", "ordereats-api", SecurityAlgorithms.HmacSha256, new Claim("role", "backoffice"), new Claim("roles", "backoffice"));

        using var response = await CreateRestaurant(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Should_give_a_staff_token_back_office_rights()
    {
        var token = Token(StaffKey, "ordereats-staff", "ordereats-backoffice", SecurityAlgorithms.HmacSha256);

        using var response = await CreateRestaurant(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase(CustomerKey, "ordereats", "ordereats-backoffice", TestName = "Should_reject_a_staff_audience_signed_with_the_customer_key")]
    [TestCase(StaffKey, "ordereats", "ordereats-api", TestName = "Should_reject_a_customer_audience_signed_with_the_staff_key")]
    [TestCase(StaffKey, "ordereats", "ordereats-backoffice", TestName = "Should_reject_a_staff_token_of_the_customer_issuer")]
    public async Task Should_reject_tokens_that_mix_the_two_namespaces(string key, string issuer, string audience)
    {
        using var response = await CreateRestaurant(Token(key, issuer, audience, SecurityAlgorithms.HmacSha256));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase(SecurityAlgorithms.HmacSha384)]
    [TestCase(SecurityAlgorithms.HmacSha512)]
    public async Task Should_reject_a_customer_token_signed_with_an_algorithm_that_is_not_pinned(string algorithm)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(CustomerKey, "ordereats", "ordereats-api", algorithm));

        using var response = await client.GetAsync(new Uri($"/customers/{alice.Id}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_reject_an_unsigned_token()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", alice.Id.ToString())]),
            Issuer = "ordereats",
            Audience = "ordereats-api",
            Expires = Clock.GetUtcNow().UtcDateTime.AddHours(1),
        });
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", unsigned);

        using var response = await client.GetAsync(new Uri($"/customers/{alice.Id}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_still_accept_the_customers_own_hs256_token()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(CustomerKey, "ordereats", "ordereats-api", SecurityAlgorithms.HmacSha256));

        using var response = await client.GetAsync(new Uri($"/customers/{alice.Id}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<HttpResponseMessage> CreateRestaurant(string token)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync("/restaurants", new CreateRestaurantRequest("Staff only", [new MenuItemRequest("Soup", 3m, "EUR")]), OrdersTestApp.Json);
    }

    private string Token(string key, string issuer, string audience, string algorithm, params Claim[] extra) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", alice.Id.ToString()), .. extra]),
        Issuer = issuer,
        Audience = audience,
        Expires = Clock.GetUtcNow().UtcDateTime.AddHours(1),
        SigningCredentials = new SigningCredentials(OrdersAuthOptions.Key(key), algorithm),
    });
}
