using Microsoft.Playwright;
using OrderEats.Console.Tests.Monitoring;
using OrderEats.Engine;

namespace OrderEats.Console.Tests.Browser;

// Log in, open an order's page, see its state on the graph and timeline, cancel its timeout; then watch the page follow the saga by itself.
[TestFixture]
public class When_an_operator_opens_an_order_in_a_browser
{
    private ConsoleHarness harness = null!;
    private Engine.Hosting.EndpointInstance endpoint = null!;
    private BrowserSession browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        harness = await ConsoleHarness.Start(kestrel: true);
        var graphKnown = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        endpoint = await MonitoredEndpoint.Start(harness, "browser-tickets", TimeSpan.FromHours(1));
        await graphKnown.WaitAsync(ConsoleHarness.Timeout);
        browser = await BrowserSession.Launch();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        await endpoint.Stop();
        await harness.DisposeAsync();
    }

    [Test]
    public async Task Should_show_the_state_on_the_graph_and_timeline_and_cancel_the_pending_timeout()
    {
        var (ticket, sagaId) = await OpenTicket();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "operator", ConsoleHarness.OperatorPassword);
        await page.GotoAsync($"{harness.BaseAddress}sagas?correlation={ticket}");
        await page.ClickAsync($"text={ticket}");
        await page.WaitForURLAsync($"**/sagas/{sagaId}");
        var current = await page.GetAttributeAsync("svg.saga-graph g[data-current=true]", "data-state");
        var remaining = await page.Locator("svg.saga-graph g.state-remaining").CountAsync();
        var timeline = await page.InnerTextAsync("#timeline");
        var pendingBefore = await page.Locator("#pending-timeouts tr[data-timeout]").CountAsync();
        var overlaps = await LabelOverlaps(page);
        await browser.Check(page, "order");

        var cancelled = harness.Changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId);
        await page.ClickAsync("#pending-timeouts button:has-text('Cancel timeout')");
        var afterClick = await page.InnerTextAsync("#pending-timeouts");
        await cancelled.WaitAsync(ConsoleHarness.Timeout);
        await page.ReloadAsync();
        var pendingAfter = await page.InnerTextAsync("#pending-timeouts");
        var timelineAfter = await page.InnerTextAsync("#timeline");

        Assert.Multiple(() =>
        {
            Assert.That(current, Is.EqualTo("Open"));
            Assert.That(remaining, Is.EqualTo(2), "Resolved and Overdue are still ahead");
            Assert.That(timeline, Does.Contain("OpenTicket").And.Contain("requested TicketOverdue"));
            Assert.That(pendingBefore, Is.EqualTo(1));
            Assert.That(overlaps, Is.Empty, "edge labels as the browser drew them");
            Assert.That(afterClick, Does.Contain("cancel requested"));
            Assert.That(pendingAfter, Is.EqualTo("None."));
            Assert.That(timelineAfter, Does.Contain("CancelSagaTimeout").And.Contain("cancelled by operator"));
        });
        await browser.Check(page, "cancelled");
    }

    [Test]
    public async Task Should_follow_the_saga_live_and_pause_while_the_tab_is_hidden()
    {
        var (ticket, sagaId) = await OpenTicket();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "reader", ConsoleHarness.ReaderPassword);
        await page.GotoAsync($"{harness.BaseAddress}sagas/{sagaId}");
        var before = await page.InnerTextAsync("#current-state");

        var resolved = harness.Changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId);
        await endpoint.Send(new ResolveTicket(ticket), new SendOptions { Destination = "browser-tickets" });
        await resolved.WaitAsync(ConsoleHarness.Timeout);
        await page.WaitForFunctionAsync("() => document.getElementById('current-state').textContent === 'Resolved'", null, new() { Timeout = 30_000 });
        var live = await page.InnerTextAsync("#live-indicator");
        var current = await page.GetAttributeAsync("svg.saga-graph g[data-current=true]", "data-state");
        await browser.Check(page, "resolved-live");

        await page.EvaluateAsync("() => { Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }); document.dispatchEvent(new Event('visibilitychange')); }");
        var hidden = await page.InnerTextAsync("#live-indicator");

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo("Open"));
            Assert.That(live, Does.StartWith("Live · updated"));
            Assert.That(current, Is.EqualTo("Resolved"), "the graph followed without a reload");
            Assert.That(hidden, Is.EqualTo("Paused while the tab is hidden"));
        });
    }

    private async Task<(string Ticket, string SagaId)> OpenTicket()
    {
        var ticket = "B-" + Guid.NewGuid().ToString("N")[..8];
        var audited = harness.Changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket(ticket), new SendOptions { Destination = "browser-tickets" });
        return (ticket, (await audited.WaitAsync(ConsoleHarness.Timeout)).Detail!);
    }

    // The label boxes of the drawn graph (text bounding boxes in SVG units), checked pairwise as the browser laid the text out.
    private static async Task<string[]> LabelOverlaps(IPage page) => await page.EvaluateAsync<string[]>("""
        () => {
          const boxes = [...document.querySelectorAll('svg.saga-graph g.edge-label')].map(g => ({ name: g.dataset.from + '→' + g.dataset.to, box: g.querySelector('text').getBBox() }));
          const overlaps = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].box, b = boxes[j].box;
              if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) overlaps.push(boxes[i].name + ' / ' + boxes[j].name);
            }
          return overlaps;
        }
        """);
}
