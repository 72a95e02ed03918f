using OrderEats.Engine;
using OrderEats.Console.Tests.Monitoring;
using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.Console.Tests.Browser;

[TestFixture]
public class When_an_operator_watches_the_endpoints
{
    [Test]
    public async Task Should_list_each_instance_alive_with_its_figures()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        var beat = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var endpoint = await MonitoredEndpoint.Start(harness, "cons-browser-watched", TimeSpan.FromSeconds(1));
        await beat.WaitAsync(ConsoleHarness.Timeout);
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "reader", ConsoleHarness.ReaderPassword);

        await page.GotoAsync(new Uri(harness.BaseAddress, "/endpoints").ToString());
        var row = await page.InnerTextAsync("tr[data-endpoint='cons-browser-watched']");
        var charts = await page.Locator("#i-" + (await page.GetAttributeAsync("tr[data-endpoint='cons-browser-watched'] a", "href"))!.TrimStart('#')[2..] + " figure.chart").CountAsync();
        await endpoint.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(row, Does.Contain("Alive").And.Contain("msg/s"));
            Assert.That(charts, Is.EqualTo(4));
        });
        await browser.Check(page, "endpoints");
    }

    [Test]
    public async Task Should_mark_an_instance_whose_condition_is_degraded_and_show_the_condition_readably()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        var beat = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var endpoint = await MonitoredEndpoint.Start(harness, "cons-browser-shedding", TimeSpan.FromHours(1), c => c.ReportCondition(new FixedCondition(
            "Admission", degraded: true, "shedding: 120 in flight, draining 8/s, expected wait 15.0 s of 4.0 s allowed, queues 0 ready, 37 refused")));
        await beat.WaitAsync(ConsoleHarness.Timeout);
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "reader", ConsoleHarness.ReaderPassword);

        await page.GotoAsync(new Uri(harness.BaseAddress, "/endpoints").ToString());
        var row = await page.InnerTextAsync("tr[data-endpoint='cons-browser-shedding']");
        var condition = page.Locator("li.condition[data-condition='Admission']");
        var text = await condition.InnerTextAsync();
        var visible = await condition.IsVisibleAsync();
        var background = await condition.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        await endpoint.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(row, Does.Contain("⚠ Admission").And.Contain("Alive"));
            Assert.That(visible, Is.True);
            Assert.That(text, Does.Contain("Degraded").And.Contain("Admission: shedding: 120 in flight").And.Contain("37 refused"));
            Assert.That(background, Is.Not.EqualTo("rgba(0, 0, 0, 0)"), "a degraded condition stands out");
        });
        await browser.Check(page, "endpoints-degraded");
    }
}
