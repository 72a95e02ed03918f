using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace OrderEats.Console.Tests.Browser;

/// <summary>
/// Headless Chromium (the system's, /usr/bin/chromium or ORDEREATS_CHROMIUM) driven by Playwright, pages at 1280×800. Every page records its
/// console errors and script errors (a Content-Security-Policy violation is one); <see cref="Check"/> asserts none happened, that nothing
/// scrolls sideways, and attaches a screenshot to the test.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> errors = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<BrowserSession> Launch()
    {
        var chromium = Environment.GetEnvironmentVariable("ORDEREATS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Assert.Fail($"No Chromium at {chromium}. Install it (apt-get install -y chromium; Tests/run.sh does) or set ORDEREATS_CHROMIUM to its path.");
        }

        var playwright = await Playwright.CreateAsync();
        // As root Chromium needs --no-sandbox; the rest keeps a headless run from reaching out (updates, sync) and from using a GPU it does not have.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async Task<IPage> NewPage()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var pageErrors = errors.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                pageErrors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => pageErrors.Enqueue("script: " + error);
        return page;
    }

    public static async Task LogIn(IPage page, Uri console, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(console, "/login").ToString());
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(console, "/").ToString());
    }

    /// <summary>Asserts the page is readable at 1280×800 (nothing wider than the window) and raised no console or script error; attaches a screenshot.</summary>
    public async Task Check(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.MethodName}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        TestContext.AddTestAttachment(file, $"{name} at 1280×800");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.Multiple(() =>
        {
            Assert.That(widths[0], Is.LessThanOrEqualTo(widths[1]), $"{name}: the page is {widths[0]} px wide in a {widths[1]} px window (it scrolls sideways)");
            Assert.That(errors.GetValueOrDefault(page) ?? [], Is.Empty, $"{name}: the browser reported errors");
        });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
