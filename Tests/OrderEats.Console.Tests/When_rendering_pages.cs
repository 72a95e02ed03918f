using System.Net;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_rendering_pages
{
    [Test]
    public async Task Should_html_encode_everything_that_comes_from_a_message()
    {
        await using var harness = await ConsoleHarness.Start();
        var failure = await harness.InjectFailure(
            "xss-1", type: "Shop.<b>Bold</b>", exceptionMessage: "<script>alert('x')</script>", body: "{\"note\":\"<img src=x onerror=alert(1)>\"}");
        using var client = await harness.Login("operator");

        var pages = new[]
        {
            await client.GetStringAsync("/failures/" + failure.FailureId),
            await client.GetStringAsync("/failures"),
            await client.GetStringAsync("/"),
            await client.GetStringAsync("/groups?by=type"),
            await client.GetStringAsync("/events"),
        };

        Assert.Multiple(() =>
        {
            foreach (var html in pages)
            {
                Assert.That(html, Does.Not.Contain("<script>alert"));
                Assert.That(html, Does.Not.Contain("<img src=x"));
                Assert.That(html, Does.Not.Contain("<b>Bold"));
            }

            Assert.That(pages[0], Does.Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"));
            Assert.That(pages[0], Does.Contain("&lt;img src=x onerror=alert(1)&gt;"));
        });
    }

    [Test]
    public async Task Should_show_headers_pretty_body_stack_trace_attempts_and_actions_on_the_detail_page()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AllowEditAndRetry"] = "true" });
        var failure = await harness.InjectFailure("page-1", body: "{\"orderId\":42,\"lines\":[1,2]}");
        await harness.InjectFailure("page-1", exceptionMessage: "again");
        using var client = await harness.Login("operator");

        var html = await client.GetStringAsync("/failures/" + failure.FailureId);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("OrderEats.ConversationId"));
            Assert.That(html, Does.Contain("&quot;orderId&quot;: 42"), "the body is indented JSON");
            Assert.That(html, Does.Contain("Failures.ThrowHere"));
            Assert.That(System.Text.RegularExpressions.Regex.Count(html, "Failures.ThrowHere"), Is.EqualTo(1), "the stack trace is shown once");
            Assert.That(html, Does.Contain("over 2 move(s) to the error queue"));
            Assert.That(html, Does.Contain($"/failures/{failure.FailureId}/retry"));
            Assert.That(html, Does.Contain($"/failures/{failure.FailureId}/archive"));
            Assert.That(html, Does.Contain("Edit and retry"));
        });
    }

    [Test]
    public async Task Should_retry_and_archive_from_the_page_buttons()
    {
        await using var harness = await ConsoleHarness.Start();
        var one = await harness.InjectFailure("btn-1", endpoint: "cons-btn");
        var two = await harness.InjectFailure("btn-2", endpoint: "cons-btn");
        using var client = await harness.Login("operator");

        var archive = await client.PostForm("/failures/" + one.FailureId, $"/failures/{one.FailureId}/archive");
        var noToken = await client.PostAsync($"/failures/{two.FailureId}/archive", null);
        var confirm = await client.PostForm("/failures", "/failures/retry", ("ids", one.FailureId!), ("ids", two.FailureId!));
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        var statusBeforeConfirming = (await client.Failure(two.FailureId!)).Summary.Status;
        var selection = await client.PostForm("/failures", "/failures/retry", ("ids", one.FailureId!), ("ids", two.FailureId!), ("confirmed", "yes"));
        var selectionHtml = await selection.Content.ReadAsStringAsync();
        var empty = await client.PostForm("/failures", "/failures/retry");

        Assert.Multiple(async () =>
        {
            Assert.That(archive.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(noToken.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no antiforgery token, no action");
            Assert.That((await client.Failure(one.FailureId!)).Summary.Status, Is.EqualTo(Model.FailureStatus.Archived));
            Assert.That(confirmHtml, Does.Contain("Retry 1 message?").And.Contain("name=\"confirmed\" value=\"yes\""), "a bulk action asks first, with the count");
            Assert.That(statusBeforeConfirming, Is.EqualTo(Model.FailureStatus.Unresolved));
            Assert.That(selectionHtml, Does.Contain("1 message will be retried").And.Contain("1 skipped"));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task Should_show_groups_and_the_group_detail()
    {
        await using var harness = await ConsoleHarness.Start();
        var failure = await harness.InjectFailure("grp-1", endpoint: "cons-grp");
        using var client = await harness.Login("reader");
        var detail = await client.Failure(failure.FailureId!);

        var groups = await client.GetStringAsync("/groups?by=endpoint");
        var group = await client.GetStringAsync("/groups/" + detail.EndpointGroupId);

        Assert.Multiple(() =>
        {
            Assert.That(groups, Does.Contain("cons-grp"));
            Assert.That(group, Does.Contain("/failures/" + failure.FailureId));
            Assert.That(group, Does.Not.Contain("/retry\""), "readers get no retry button");
        });
    }
}
