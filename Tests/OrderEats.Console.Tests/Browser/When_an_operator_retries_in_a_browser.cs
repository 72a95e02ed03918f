using OrderEats.Engine;

namespace OrderEats.Console.Tests.Browser;

// List → detail (by clicking anywhere on the row) → Retry → the page turns Resolved by itself when the endpoint processed the retry.
[TestFixture]
public class When_an_operator_retries_in_a_browser
{
    [Test]
    public async Task Should_go_from_the_list_to_the_detail_retry_and_see_it_resolved_live()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        var endpoint = await harness.StartEndpoint("cons-browser-work");
        harness.Probe.FailuresLeft = 1;
        var failed = harness.Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == "browser-work-1");
        await endpoint.Send(new Work("first"), new SendOptions { Destination = "cons-browser-work", MessageId = "browser-work-1" });
        var failure = await failed.WaitAsync(ConsoleHarness.Timeout);
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "operator", ConsoleHarness.OperatorPassword);

        await page.GotoAsync(new Uri(harness.BaseAddress, "/failures").ToString());
        await browser.Check(page, "list");
        // Click the endpoint cell, not the link: the whole row leads to the message.
        var cell = (await page.Locator($"tr[data-id='{failure.FailureId}'] td:nth-child(4)").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(cell.X + cell.Width / 2, cell.Y + cell.Height / 2);
        await page.WaitForURLAsync($"**/failures/{failure.FailureId}");
        await browser.Check(page, "detail");
        // The endpoint is down while the operator retries, so the page shows the pending retry; it turns Resolved once the endpoint is back.
        await endpoint.Stop();
        var resolved = harness.Changes.WaitFor(c => c.Kind == "Resolved" && c.FailureId == failure.FailureId);
        await page.ClickAsync("#failure-summary button:has-text('Retry')");
        var afterClick = await page.InnerTextAsync("#failure-summary .status");
        await harness.StartEndpoint("cons-browser-work");
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        await page.WaitForSelectorAsync("#failure-summary .status-resolved", new() { Timeout = 30_000 });
        var indicator = await page.InnerTextAsync("#live-indicator");

        Assert.Multiple(() =>
        {
            Assert.That(afterClick, Is.EqualTo("Retry issued"));
            Assert.That(indicator, Does.StartWith("Live"));
        });
        await browser.Check(page, "resolved");
    }
}
