using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using OrderEats.Console.Security;
using OrderEats.Engine;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Tests.Monitoring;

// Headless Chromium against the console on a real port: log in, open an order's page, see its state on the graph and timeline, cancel its timeout.
[TestFixture]
public class When_an_operator_opens_an_order_in_a_browser
{
    private string folder = null!;
    private WebApplication console = null!;
    private Engine.Hosting.EndpointInstance endpoint = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        folder = Path.Combine(Path.GetTempPath(), "ordereats-browser-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:Users:0:Name"] = "operator",
            ["Console:Users:0:PasswordHash"] = PasswordHash.Create(ConsoleHarness.OperatorPassword),
            ["Console:Users:0:Role"] = "Operator",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var infrastructure = new InfrastructureOptions { DataFolder = folder };
        ConsoleService.AddConsoleService(builder.Services, builder.Configuration, infrastructure);
        console = builder.Build();
        ConsoleService.MapConsole(console);
        await console.StartAsync();

        var changes = console.Services.GetRequiredService<ConsoleChanges>();
        var graphKnown = changes.WaitFor(c => c.Kind == "Heartbeat");
        endpoint = await MonitoredEndpoint.Start(infrastructure.LearningFolder, "browser-tickets", TimeSpan.FromHours(1));
        await graphKnown.WaitAsync(ConsoleHarness.Timeout);

        var chromium = Environment.GetEnvironmentVariable("ORDEREATS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Fail($"No Chromium at {chromium}. Install it (apt-get install -y chromium) or set ORDEREATS_CHROMIUM to its path.");
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await endpoint.Stop();
        await console.StopAsync();
        await console.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Should_show_the_state_on_the_graph_and_timeline_and_cancel_the_pending_timeout()
    {
        var changes = console.Services.GetRequiredService<ConsoleChanges>();
        var ticket = "B-" + Guid.NewGuid().ToString("N")[..8];
        var audited = changes.WaitFor(c => c.Kind == "SagaAudited");
        await endpoint.Send(new OpenTicket(ticket), new SendOptions { Destination = "browser-tickets" });
        var sagaId = (await audited.WaitAsync(ConsoleHarness.Timeout)).Detail;
        var baseUrl = console.Urls.Single();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("input[name=name]", "operator");
        await page.FillAsync("input[name=password]", ConsoleHarness.OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync($"{baseUrl}/sagas?correlation={ticket}");
        await page.ClickAsync($"text={ticket}");
        await page.WaitForURLAsync($"**/sagas/{sagaId}");
        var current = await page.GetAttributeAsync("svg.saga-graph g[data-current=true]", "data-state");
        var remaining = await page.Locator("svg.saga-graph g.state-remaining").CountAsync();
        var timeline = await page.InnerTextAsync("#timeline");
        var pendingBefore = await page.Locator("#pending-timeouts tr[data-timeout]").CountAsync();

        var cancelled = changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId);
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
            Assert.That(afterClick, Does.Contain("cancel requested"));
            Assert.That(pendingAfter, Is.EqualTo("None."));
            Assert.That(timelineAfter, Does.Contain("CancelSagaTimeout").And.Contain("cancelled by operator"));
        });
    }
}
