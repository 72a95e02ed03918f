using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Orders.Tests.Edge;

// Finding 3: a production Orders process with no signing key and no API keys started silently and rejected everyone; the committed
// Development credentials depended only on the environment name.
[TestFixture]
public class When_starting_outside_development
{
    private const string OwnKey = "an-operators-own-signing-key-0123456789-abcdefghijkl";

    [Test]
    public void Should_refuse_to_start_without_token_settings_or_api_keys()
    {
        var refused = Assert.Throws<UnsafeConfigurationException>(() => Register(("environment", "Production")));

        Assert.That(refused!.Message, Does.Contain("Orders:Auth:SigningKey").And.Contain("Orders:Auth:ApiKeys"));
    }

    [TestCase("Orders:Auth:SigningKey", DevelopmentSecrets.OrdersSigningKey)]
    [TestCase("Orders:Auth:ApiKeys:0:Key", DevelopmentSecrets.BackOfficeKey)]
    public void Should_refuse_a_committed_development_secret(string setting, string value)
    {
        var name = setting.StartsWith("Orders:Auth:ApiKeys", StringComparison.Ordinal) ? "Orders:Auth:ApiKeys:0:Name" : "unused";
        var refused = Assert.Throws<UnsafeConfigurationException>(() => Register(("environment", "Production"), (name, "ops"), (setting, value)));

        Assert.That(refused!.Message, Does.Contain(setting.Replace(":Key", string.Empty, StringComparison.Ordinal)).And.Contain("committed"));
    }

    [Test]
    public void Should_refuse_the_hash_of_the_committed_back_office_key()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(DevelopmentSecrets.BackOfficeKey))).ToLowerInvariant();

        Assert.Throws<UnsafeConfigurationException>(() => Register(("environment", "Staging"), ("Orders:Auth:ApiKeys:0:Name", "ops"), ("Orders:Auth:ApiKeys:0:Sha256", hash)));
    }

    [Test]
    public void Should_refuse_development_credentials_in_development_when_listening_beyond_loopback()
    {
        var refused = Assert.Throws<UnsafeConfigurationException>(() => Register(
            ("environment", "Development"), ("urls", "http://0.0.0.0:5101"), ("Orders:Auth:SigningKey", DevelopmentSecrets.OrdersSigningKey)));

        Assert.That(refused!.Message, Does.Contain("0.0.0.0"));
    }

    [TestCase("http://127.0.0.1:5101")]
    [TestCase("http://localhost:5101;http://[::1]:5102")]
    public void Should_accept_development_credentials_in_development_on_loopback(string urls)
    {
        Assert.DoesNotThrow(() => Register(("environment", "Development"), ("urls", urls), ("Orders:Auth:SigningKey", DevelopmentSecrets.OrdersSigningKey)));
    }

    [Test]
    public void Should_start_with_its_own_signing_key()
    {
        Assert.DoesNotThrow(() => Register(("environment", "Production"), ("Orders:Auth:SigningKey", OwnKey)));
    }

    [Test]
    public void Should_treat_the_empty_optional_settings_compose_passes_as_not_set()
    {
        Assert.DoesNotThrow(() => Register(
            ("environment", "Production"), ("Orders:Auth:ApiKeys:0:Name", "backoffice"), ("Orders:Auth:ApiKeys:0:Sha256", new string('a', 64)),
            ("Orders:Auth:SigningKey", string.Empty), ("Orders:Auth:Authority", string.Empty),
            ("Orders:Auth:Staff:Issuer", string.Empty), ("Orders:Auth:Staff:Audience", string.Empty), ("Orders:Auth:Staff:SigningKey", string.Empty)));
    }

    [Test]
    public void Should_refuse_a_staff_audience_equal_to_the_customer_audience()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Register(
            ("environment", "Production"), ("Orders:Auth:SigningKey", OwnKey),
            ("Orders:Auth:Staff:Issuer", "staff"), ("Orders:Auth:Staff:Audience", "ordereats-api"), ("Orders:Auth:Staff:SigningKey", OwnKey + "-staff")));

        Assert.That(refused!.Message, Does.Contain("Orders:Auth:Staff:Audience"));
    }

    private static void Register(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        new ServiceCollection().AddOrdersService(configuration, new InfrastructureOptions { DataFolder = Path.GetTempPath() });
    }
}
