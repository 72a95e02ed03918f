using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Edge;

// Orders:Auth:Authority: customer tokens from an OpenID Connect provider (RS256, keys from its metadata). The pinned algorithm refuses the
// classic confusion (an HS256 token "signed" with the provider's public key) and a provider token still carries no back-office rights.
[TestFixture]
public class When_customer_tokens_come_from_an_identity_provider
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const string Authority = "https://idp.example.test/realms/ordereats";
    private readonly RSA providerKey = RSA.Create(2048);
    private OrdersTestApp app = null!;
    private Customer alice = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(
            Store.Sqlite,
            settings: new Dictionary<string, string?>
            {
                ["Orders:Auth:SigningKey"] = string.Empty,
                ["Orders:Auth:Authority"] = Authority,
                ["Orders:Auth:Issuer"] = Authority,
            },
            registerFirst: (services, _) => services.PostConfigure<JwtBearerOptions>(TokenSchemes.Customer, o => o.BackchannelHttpHandler = new Provider(providerKey)));
        alice = await app.CreateCustomer();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        providerKey.Dispose();
    }

    [Test]
    public async Task Should_accept_the_providers_rs256_token()
    {
        using var response = await Get(Token(new SigningCredentials(new RsaSecurityKey(providerKey) { KeyId = Provider.KeyId }, SecurityAlgorithms.RsaSha256)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Should_refuse_an_hs256_token_keyed_with_the_providers_public_key()
    {
        var publicKey = providerKey.ExportSubjectPublicKeyInfo();

        using var response = await Get(Token(new SigningCredentials(new SymmetricSecurityKey(publicKey) { KeyId = Provider.KeyId }, SecurityAlgorithms.HmacSha256)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Should_give_a_provider_token_no_back_office_rights()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", Token(new SigningCredentials(new RsaSecurityKey(providerKey) { KeyId = Provider.KeyId }, SecurityAlgorithms.RsaSha256), new Claim("role", "backoffice")));

        using var response = await client.PostAsJsonAsync("/customers", new CreateCustomerRequest("Eve", "eve@example.com"), OrdersTestApp.Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<HttpResponseMessage> Get(string token)
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri($"/customers/{alice.Id}", UriKind.Relative));
    }

    private string Token(SigningCredentials credentials, params Claim[] extra) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", alice.Id.ToString()), .. extra]),
        Issuer = Authority,
        Audience = "ordereats-api",
        Expires = Clock.GetUtcNow().UtcDateTime.AddHours(1),
        SigningCredentials = credentials,
    });

    // The provider's metadata and signing keys, as JwtBearer fetches them over its backchannel.
    private sealed class Provider(RSA key) : HttpMessageHandler
    {
        public const string KeyId = "provider-key-1";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            object body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? new Dictionary<string, object> { ["issuer"] = Authority, ["jwks_uri"] = Authority + "/keys", ["id_token_signing_alg_values_supported"] = new[] { "RS256" } }
                : new { keys = new[] { Jwk() } };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) });
        }

        private Dictionary<string, string> Jwk()
        {
            var parameters = key.ExportParameters(includePrivateParameters: false);
            return new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }
    }
}
