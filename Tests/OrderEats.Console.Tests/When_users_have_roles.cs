using System.Net;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_users_have_roles
{
    private ConsoleHarness harness = null!;
    private string failureId = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        harness = await ConsoleHarness.Start();
        failureId = (await harness.InjectFailure("role-1")).FailureId!;
    }

    [OneTimeTearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Should_let_a_reader_read_but_not_act()
    {
        using var reader = await harness.Login("reader");

        var list = await reader.GetAsync("/api/failures");
        var page = await reader.GetAsync("/failures/" + failureId);
        var retry = await reader.Post($"/api/failures/{failureId}/retry");
        var archive = await reader.Post($"/api/failures/{failureId}/archive");
        var retryAll = await reader.Post("/api/failures/retry-all");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Not.Contain("/retry\""), "no action buttons for readers");
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(retryAll.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Should_answer_401_to_anonymous_api_calls_and_redirect_pages_to_login()
    {
        using var anonymous = harness.Anonymous();

        var api = await anonymous.GetAsync("/api/failures");
        var action = await anonymous.Post($"/api/failures/{failureId}/retry");
        var page = await anonymous.GetAsync("/failures");

        Assert.Multiple(() =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(action.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page.Headers.Location?.ToString(), Does.Contain("/login?ReturnUrl=%2Ffailures"));
        });
    }

    [Test]
    public async Task Should_refuse_a_wrong_password()
    {
        using var anonymous = harness.Anonymous();

        var json = await anonymous.Post("/api/login", new { name = "reader", password = "guess" });
        var form = await anonymous.PostForm("/login", "/login", ("name", "reader"), ("password", "guess"));
        var formHtml = await form.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(json.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(formHtml, Does.Contain("Unknown user or wrong password."));
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the form shows the login page again");
            Assert.That(form.Headers.Contains("Set-Cookie") && form.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("OrderEats.Console=", StringComparison.Ordinal)), Is.False);
        });
    }

    [Test]
    public async Task Should_log_in_with_the_form_and_redirect_to_the_return_url()
    {
        using var anonymous = harness.Anonymous();

        var response = await anonymous.PostForm("/login", "/login", ("name", "operator"), ("password", ConsoleHarness.OperatorPassword), ("returnUrl", "/groups"));
        var withoutToken = await harness.Anonymous().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "operator", ["password"] = ConsoleHarness.OperatorPassword,
        }));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/groups"));
            Assert.That(response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OrderEats.Console=", StringComparison.Ordinal)),
                Does.Contain("httponly").And.Contain("samesite=strict"));
            Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the login form needs its antiforgery token");
        });
    }
}
