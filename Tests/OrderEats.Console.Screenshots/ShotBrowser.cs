using Microsoft.Playwright;

namespace OrderEats.Console.Screenshots;

/// <summary>Headless Chromium (the system's, as the browser tests use it) at 1280×800, saving one PNG per page.</summary>
internal sealed class ShotBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IPage page;
    private readonly string baseUrl;
    private readonly string output;

    private ShotBrowser(IPlaywright playwright, IBrowser browser, IPage page, string baseUrl, string output)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    public List<string> Taken { get; } = [];

    public static async Task<ShotBrowser> Start(string baseUrl, string output)
    {
        var executable = Environment.GetEnvironmentVariable("ORDEREATS_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}. Install it (apt-get install -y chromium) or set ORDEREATS_CHROMIUM to its path.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        return new ShotBrowser(playwright, browser, await context.NewPageAsync(), baseUrl, output);
    }

    public async Task LogIn(string name, string password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(baseUrl + "/");
    }

    /// <summary>Opens <paramref name="path"/> and saves the window (1280×800); with <paramref name="scrollTo"/>, scrolled so that element is at the top.</summary>
    public async Task Take(string name, string path, string? scrollTo = null)
    {
        await page.GotoAsync(baseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (scrollTo is not null)
        {
            await page.EvaluateAsync("selector => document.querySelector(selector).scrollIntoView()", scrollTo);
        }

        var file = Path.Combine(output, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
        Taken.Add(name);
        System.Console.WriteLine($"  {file}");
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
