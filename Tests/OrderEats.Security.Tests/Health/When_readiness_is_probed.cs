using System.Net.Http.Json;
using System.Text.Json;
using OrderEats.Security.Tests.Routes;

namespace OrderEats.Security.Tests.Health;

// Finding 6: an anonymous /health/ready showed database names and raw database error text.
[TestFixture]
public class When_readiness_is_probed
{
    [TestCase("Orders")]
    [TestCase("Payments")]
    [TestCase("Kitchen")]
    [TestCase("Notifications")]
    [TestCase("Console")]
    [TestCase("Host")]
    public async Task Should_give_an_anonymous_caller_the_status_only(string name)
    {
        await using var running = new ProcessUnderTest(name, "Production", []).Start(out _, out var client);
        using var http = client();

        var body = await Ready(http);

        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public async Task Should_give_a_back_office_caller_of_orders_the_checks()
    {
        await using var running = new ProcessUnderTest("Orders", "Production", []).Start(out _, out var client);
        using var http = client();
        http.DefaultRequestHeaders.Add("X-Api-Key", ProcessUnderTest.BackOfficeKey);

        var body = await Ready(http);

        Assert.That(body.GetProperty("checks").EnumerateObject().Select(p => p.Name), Does.Contain("database:ordereats_orders").And.Contain("endpoint:orders"));
    }

    [Test]
    public async Task Should_give_a_logged_in_console_user_the_checks()
    {
        await using var running = new ProcessUnderTest("Console", "Production", []).Start(out _, out var client);
        using var http = client();
        using var login = await http.PostAsJsonAsync("/api/login", new { name = "ops", password = ProcessUnderTest.ConsolePassword });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Add("Cookie", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OrderEats.Console=", StringComparison.Ordinal)).Split(';')[0]);

        var body = await Ready(http);

        Assert.That(body.GetProperty("checks").EnumerateObject().Select(p => p.Name), Does.Contain("database:ordereats_console"));
    }

    private static async Task<JsonElement> Ready(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
