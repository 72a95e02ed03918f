using System.CommandLine;
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
    private static readonly Option<int?> Orders = Positive(new Option<int?>("--orders")
    {
        Description = "How many orders to place (default 100).",
        HelpName = "count",
    });

    private static readonly Option<int?> OutageSeconds = Positive(new Option<int?>("--gateway-outage")
    {
        Description = "Takes the payment gateway down for this many seconds (120 when no value is given) while orders are placed, then brings it back.",
        HelpName = "seconds",
        Arity = ArgumentArity.ZeroOrOne,
    });

    private static readonly Option<int?> SettleSeconds = Positive(new Option<int?>("--timeout")
    {
        Description = "How long to wait for every order to settle, in seconds (default: the larger of 180 and orders / 3, plus any outage).",
        HelpName = "seconds",
    });

    private static readonly Option<bool> KeepData = new("--keep-data")
    {
        Description = "Keeps the demo's data folder (queues and SQLite files) afterwards; a folder given with --data is always kept.",
    };

    /// <summary>The `demo` command: its options, the infrastructure options, and its action.</summary>
    public static Command Create(TextWriter output)
    {
        var command = new Command("demo", "Places orders with the standard failure mix, waits until every one is terminal and checks the invariants; exits 1 when one breaks.");
        command.Options.Add(Orders);
        command.Options.Add(OutageSeconds);
        command.Options.Add(SettleSeconds);
        command.Options.Add(KeepData);
        InfrastructureSwitches.AddTo(command);
        command.SetAction((result, cancellationToken) => Run(result, output));
        return command;
    }

    /// <summary>Runs the demo the parsed command line describes.</summary>
    public static async Task<int> Run(ParseResult line, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(line);
        var orders = line.GetValue(Orders) ?? 100;
        var outage = line.GetResult(OutageSeconds) is null ? TimeSpan.Zero : TimeSpan.FromSeconds(line.GetValue(OutageSeconds) ?? 120);
        var options = new DemoOptions
        {
            Orders = orders,
            MaxWait = TimeSpan.FromSeconds(line.GetValue(SettleSeconds) ?? Math.Max(180, orders / 3) + (int)outage.TotalSeconds),
            KeepData = line.GetValue(KeepData),
        };
        var dataFolder = line.GetValue(InfrastructureSwitches.Data) ?? Path.Combine(Path.GetTempPath(), "ordereats-demo-" + Guid.NewGuid().ToString("N")[..12]);
        var overrides = DemoOptions.ServiceSettings()
            .Where(setting => outage == TimeSpan.Zero || setting.Key != GatewayOutage.PaymentTimeoutKey)
            .Concat(InfrastructureSwitches.Overrides(line).Where(o => o.Key != "OrderEats:DataFolder"))
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
            if (!options.KeepData && line.GetValue(InfrastructureSwitches.Data) is null && Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }

    private static async Task<long> ErrorQueue(EndpointInstance endpoint) =>
        endpoint.Transport is IQueueDepth depth ? await depth.Count("error") : 0;

    private static Option<int?> Positive(Option<int?> option)
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            result.AddError($"{option.Name} must be a positive whole number, not '{text}'.");
            return null;
        };
        return option;
    }

    /// <summary>Formats seconds for the summary.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
