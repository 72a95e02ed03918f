using System.Net;
using System.Net.Http.Json;

namespace OrderEats.Console.Tests.Security;

// The session lives on the server too: logout, removing or demoting a user ends sessions at their next request (not only the cookie).
[TestFixture]
public class When_a_session_is_used
{
    [Test]
    public async Task Should_end_every_session_of_the_user_at_logout_also_a_copied_cookie()
    {
        await using var harness = await ConsoleHarness.Start();
        using var browser = await harness.Login("operator");
        using var stolen = harness.Anonymous();
        stolen.DefaultRequestHeaders.Add("Cookie", "OrderEats.Console=" + harness.CookiesOf(browser).GetCookies(harness.BaseAddress)["OrderEats.Console"]!.Value);
        var before = await stolen.GetAsync("/api/failures");

        (await browser.Post("/api/logout")).EnsureSuccessStatusCode();
        var after = await stolen.GetAsync("/api/failures");

        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Should_end_the_session_of_a_removed_user_and_of_a_demoted_one_at_their_next_request()
    {
        await using var harness = await ConsoleHarness.Start();
        using var reader = await harness.Login("reader");
        using var @operator = await harness.Login("operator");
        var readerBefore = await reader.GetAsync("/api/failures");

        harness.Reconfigure(new Dictionary<string, string?> { ["Console:Users:1:Name"] = "someone-else", ["Console:Users:0:Role"] = "Reader" });
        var readerAfter = await reader.GetAsync("/api/failures");
        var operatorAfter = await @operator.GetAsync("/api/failures");
        var demoted = await harness.Login("operator");
        var retry = await demoted.Post("/api/failures/retry-all");

        Assert.Multiple(() =>
        {
            Assert.That(readerBefore.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(readerAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "removed");
            Assert.That(operatorAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "demoted: the old session with the Operator role ends");
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "logged in again with the new role");
        });
    }

    [Test]
    public async Task Should_mark_the_cookie_secure_behind_a_trusted_tls_proxy_and_not_for_others()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:TrustedProxies"] = "127.0.0.1" }, kestrel: true);
        using var client = harness.Anonymous();

        var login = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { name = "reader", password = ConsoleHarness.ReaderPassword }) };
        login.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(login);
        var plain = await harness.Anonymous().PostAsJsonAsync("/api/login", new { name = "reader", password = ConsoleHarness.ReaderPassword });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.GetValues("Set-Cookie").Single(), Does.Contain("secure"));
            Assert.That(plain.Headers.GetValues("Set-Cookie").Single(), Does.Not.Contain("secure"), "plain HTTP without a proxy");
        });
    }
}
