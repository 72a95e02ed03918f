using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OrderEats.ServiceDefaults.Security;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Startup;

[TestFixture]
public class When_development_access_is_decided
{
    [TestCase("http://127.0.0.1:5080", true)]
    [TestCase("http://127.0.0.2:5080", true)]
    [TestCase("http://localhost:5080", true)]
    [TestCase("http://[::1]:5080", true)]
    [TestCase("https://localhost", true)]
    [TestCase("http://0.0.0.0:5080", false)]
    [TestCase("http://*:8080", false)]
    [TestCase("http://+:8080", false)]
    [TestCase("http://[::]:5080", false)]
    [TestCase("http://192.168.1.10:5080", false)]
    [TestCase("http://orders.example.com", false)]
    public void Should_count_only_loopback_hosts_as_loopback(string url, bool loopback)
    {
        Assert.That(ListenAddresses.IsLoopback(url), Is.EqualTo(loopback));
    }

    [TestCase("Development", "urls", "http://127.0.0.1:5080", true)]
    [TestCase("Development", "urls", "http://127.0.0.1:5080;http://0.0.0.0:5081", false)]
    [TestCase("Development", "http_ports", "8080", false)]
    [TestCase("Development", "Kestrel:Endpoints:Http:Url", "http://0.0.0.0:5080", false)]
    [TestCase("Development", "unrelated", "x", true)]
    [TestCase("Production", "urls", "http://127.0.0.1:5080", false)]
    [TestCase("Staging", "urls", "http://127.0.0.1:5080", false)]
    public void Should_turn_development_credentials_on_only_in_development_on_loopback(string environment, string key, string value, bool enabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["environment"] = environment, [key] = value })
            .Build();

        Assert.That(DevelopmentAccess.From(configuration).IsEnabled, Is.EqualTo(enabled));
    }

    [Test]
    public void Should_know_every_secret_committed_in_appsettings_development()
    {
        var committed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Find(), "Endpoints"), "appsettings.Development.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Collect(document.RootElement, committed);
        }

        Assert.That(committed, Is.Not.Empty);
        Assert.That(committed, Is.SubsetOf(DevelopmentSecrets.Keys));
    }

    private static void Collect(JsonElement element, List<string> secrets)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Name is "Key" or "SigningKey" or "Password" or "Sha256")
                {
                    secrets.Add(property.Value.GetString()!);
                }

                Collect(property.Value, secrets);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, secrets);
            }
        }
    }
}
