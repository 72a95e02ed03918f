using System.Diagnostics;
using OrderEats.Console.Screenshots;
using OrderEats.TestInfrastructure;

// Regenerates docs/console/*.png: a demo run (its own process) reports to a console running here; a few poison messages give the failure
// pages something to show; headless Chromium takes each page at 1280×800.
//   dotnet run --project Tests/OrderEats.Console.Screenshots -- --out docs/console [--orders 200]
var options = ShotOptions.Parse(args);
var root = RepositoryRoot.Find();
var output = Path.GetFullPath(options.Out);
Directory.CreateDirectory(output);
var data = Path.Combine(Path.GetTempPath(), "ordereats-shots-" + Guid.NewGuid().ToString("N")[..8]);
var clock = Stopwatch.StartNew();
try
{
    await using var console = await ConsoleUnderTest.Start(data);
    using var demo = DemoProcess.Start(root, data, options.Orders);
    Console.WriteLine($"Console at {console.Url}; demo with {options.Orders} orders on {data}");
    await console.WaitForEndpoints(4, demo);
    await using var browser = await ShotBrowser.Start(console.Url, output);
    await browser.LogIn(ConsoleUnderTest.User, console.Password);
    if (await console.WaitForRunningSaga(TimeSpan.FromSeconds(40)) is { } running)
    {
        await browser.Take("order-running", "/sagas/" + running);
    }

    var poison = await PoisonMessages.Inject(console);
    Console.WriteLine($"{poison.Count} poison messages in the console after {clock.Elapsed.TotalSeconds:F0} s");
    await browser.Take("dashboard", "/");
    await browser.Take("endpoints", "/endpoints");
    await browser.Take("failures", "/failures");
    await browser.Take("failure", "/failures/" + poison[PoisonMessages.Showcase]);
    await browser.Take("groups", "/groups");

    var exit = await demo.WaitForExit(TimeSpan.FromMinutes(6));
    Console.WriteLine($"Demo exited with {exit} after {clock.Elapsed.TotalSeconds:F0} s");
    await browser.Take("sagas", "/sagas");
    if (await console.Compensated() is { } compensated)
    {
        await browser.Take("order", "/sagas/" + compensated);
        await browser.Take("order-timeline", "/sagas/" + compensated, "#order-timeline");
    }

    Console.WriteLine($"Screenshots in {output}: {string.Join(", ", browser.Taken)}");
    return browser.Taken.Count >= 9 ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (Directory.Exists(data))
    {
        Directory.Delete(data, recursive: true);
    }
}
