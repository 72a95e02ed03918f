using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace OrderEats.Console.Tests.Security;

// Before: protection was only SameSite=Strict; antiforgery off, no Origin check, and the JSON API accepted text/plain.
[TestFixture]
public class When_another_site_sends_requests
{
    private ConsoleHarness harness = null!;
    private string failureId = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        harness = await ConsoleHarness.Start();
        failureId = (await harness.InjectFailure("csrf-1")).FailureId!;
    }

    [OneTimeTearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Should_refuse_a_foreign_origin_and_bodies_that_are_not_json()
    {
        using var client = await harness.Login("operator");

        var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/failures/{failureId}/archive");
        foreign.Headers.Add("Origin", "https://evil.example");
        var fromOtherSite = await client.SendAsync(foreign);
        var textPlain = await client.PostAsync("/api/failures/retry", new StringContent($"{{\"ids\":[\"{failureId}\"]}}", Encoding.UTF8, "text/plain"));
        var form = await client.PostAsync($"/api/failures/{failureId}/archive", new FormUrlEncodedContent([]));
        var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/api/failures/archive") { Content = JsonContent.Create(new { ids = new[] { "nope" } }) };
        sameOrigin.Headers.Add("Origin", harness.BaseAddress.GetLeftPart(UriPartial.Authority));
        var own = await client.SendAsync(sameOrigin);
        var foreignForm = await client.PostForm("/failures/" + failureId, $"/failures/{failureId}/archive");

        Assert.Multiple(async () =>
        {
            Assert.That(fromOtherSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await fromOtherSite.Content.ReadAsStringAsync(), Does.Contain("evil.example"));
            Assert.That(textPlain.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "same origin passes the check (and the unknown id is a 400)");
            Assert.That((await client.Failure(failureId)).Summary.Status, Is.EqualTo(Model.FailureStatus.Archived), "the page form with its token worked");
            Assert.That(foreignForm.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task Should_send_the_security_headers_with_every_console_response()
    {
        using var anonymous = harness.Anonymous();
        using var reader = await harness.Login("reader");

        var responses = new[]
        {
            await anonymous.GetAsync("/login"),
            await reader.GetAsync("/failures"),
            await reader.GetAsync("/api/failures"),
            await reader.GetAsync("/sagas"),
        };

        Assert.Multiple(() =>
        {
            foreach (var response in responses)
            {
                var csp = response.Headers.GetValues("Content-Security-Policy").Single();
                Assert.That(csp, Does.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-inline"));
                Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
                Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
                Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("same-origin"));
            }
        });
    }

    [Test]
    public async Task Should_put_no_inline_script_or_style_in_any_page()
    {
        using var reader = await harness.Login("reader");

        var pages = new[] { "/", "/failures", "/failures/" + failureId, "/groups", "/events", "/sagas", "/endpoints", "/login" };
        var html = await Task.WhenAll(pages.Select(reader.GetStringAsync));

        Assert.Multiple(() =>
        {
            foreach (var page in html)
            {
                Assert.That(page, Does.Not.Match("<script(?![^>]*\\bsrc=)"), "every script is a file");
                Assert.That(page, Does.Not.Match("\\son[a-z]+=\""), "no inline event handlers");
                Assert.That(page, Does.Not.Contain("<style").And.Not.Contain(" style=\""));
            }
        });
    }

    [Test]
    public async Task Should_answer_400_naming_page_when_paging_reaches_too_far()
    {
        using var reader = await harness.Login("reader");

        var failures = await reader.GetAsync("/api/failures?page=2147483647&pageSize=500");
        var sagas = await reader.GetAsync("/api/sagas?page=2147483647&pageSize=500");
        var ok = await reader.GetAsync("/api/failures?page=2001&pageSize=500");

        Assert.Multiple(async () =>
        {
            Assert.That(failures.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await failures.Content.ReadAsStringAsync(), Does.Contain("\"page\""));
            Assert.That(sagas.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), "1,000,000 results in is still fine");
        });
    }
}
