using System.Globalization;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;
using OrderEats.Orders;
using OrderEats.Payments.Gateway;

namespace OrderEats.Host;

/// <summary>
/// `demo --orders N [--gateway-outage SECONDS]`: seeds restaurants and customers, places N orders with the standard failure mix, waits until every order is terminal
/// (or a bounded time passes), checks the DESIGN §2 invariants against the services' own data, and prints a summary ending in one JSON line.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> Run(CommandLine line, TextWriter output)
    {
        var orders = line.GetInt("orders", 100);
        var outage = line.Has("gateway-outage") ? TimeSpan.FromSeconds(line.GetInt("gateway-outage", 120)) : TimeSpan.Zero;
        var options = new DemoOptions
        {
            Orders = orders,
            MaxWait = TimeSpan.FromSeconds(line.GetInt("timeout", Math.Max(180, orders / 3) + (int)outage.TotalSeconds)),
            KeepData = line.Has("keep-data"),
        };
        var dataFolder = line.Get("data") ?? Path.Combine(Path.GetTempPath(), "ordereats-demo-" + Guid.NewGuid().ToString("N")[..12]);
        var overrides = DemoOptions.ServiceSettings()
            .Where(setting => outage == TimeSpan.Zero || setting.Key != GatewayOutage.PaymentTimeoutKey)
            .Concat(line.InfrastructureOverrides().Where(o => o.Key != "OrderEats:DataFolder"))
            .Append(new("OrderEats:DataFolder", dataFolder))
            .Concat(outage > TimeSpan.Zero ? GatewayOutage.Settings(outage) : [])
            .Concat(DemoOptions.ApiCredentials())
            .ToList();

        var app = Composition.Build([], overrides, builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));
        var infrastructure = app.Services.GetRequiredService<HostInfrastructure>().Options;
        output.WriteLine($"OrderEats demo: {orders} orders on {infrastructure.Transport} + {infrastructure.Persistence}; failure mix: 8% declines, 8% kitchen rejections, 4% kitchen timeouts, 8% customer cancels, 10% transient gateway and notification faults.");
        var stopwatch = new DemoClock(app.Services.GetService<TimeProvider>() ?? TimeProvider.System);
        await app.StartAsync();
        try
        {
            var endpoints = await Task.WhenAll(Composition.EndpointNames.Select(n => app.Services.GetRequiredKeyedService<StartedEndpoint>(n).WhenStarted()));
            var errorsBefore = await ErrorQueue(endpoints[0]);
            // Ctrl+C or SIGTERM stops the host: the demo stops waiting and reports what it has.
            var stopping = app.Lifetime.ApplicationStopping;
            var run = new DemoRun(app.Services, options, output);
            using var gatewayOutage = outage > TimeSpan.Zero ? new GatewayOutage(app.Services.GetRequiredService<PaymentGateway>(), endpoints[1], outage, stopwatch) : null;
            gatewayOutage?.Start(output);
            var placed = await run.PlaceOrders(stopping);
            var settled = await run.WaitUntilSettled(placed, stopwatch, stopping);
            gatewayOutage?.Write(output, stopwatch.Elapsed);
            var report = await DemoReport.Check(app.Services, placed, run.Refused, await ErrorQueue(endpoints[0]) - errorsBefore, stopwatch.Elapsed);
            report.Write(output, settled);
            return report.Passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            output.WriteLine("The demo was interrupted before it finished.");
            return 130;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            if (!options.KeepData && line.Get("data") is null && Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }

    private static async Task<long> ErrorQueue(EndpointInstance endpoint) =>
        endpoint.Transport is IQueueDepth depth ? await depth.Count("error") : 0;

    /// <summary>Formats seconds for the summary.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
