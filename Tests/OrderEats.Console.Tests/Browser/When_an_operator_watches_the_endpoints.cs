using OrderEats.Console.Tests.Monitoring;

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
}
