using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using OrderEats.TestInfrastructure;

namespace OrderEats.Benchmarks;

/// <summary>
/// restart: the chaos recovery figure as throughput. The four services run from a published build under a closed loop of orders; once warm,
/// the Orders process is killed with SIGKILL and started again at once (as a supervisor would), and the time from its start until the order
/// rate is back to 90 % of the rate before the kill is measured. Run twice in the same process run: a plain (JIT) publish, then a ReadyToRun one.
/// </summary>
internal static class RestartScenario
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const int OrdersInFlight = 32;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(120);

    public static async Task Run(BenchContext context)
    {
        var jit = await Publish(readyToRun: false);
        var readyToRun = await Publish(readyToRun: true);
        var before = await MeasureRecovery(context, "jit", jit);
        var after = await MeasureRecovery(context, "ready-to-run", readyToRun);
        context.Emit(new()
        {
            ["scenario"] = "restart",
            ["killed"] = "orders#1",
            ["restart_to_full_s_jit"] = before.RecoverySeconds,
            ["restart_to_full_s_ready_to_run"] = after.RecoverySeconds,
            ["ratio_ready_to_run_to_jit"] = Measure.Ratio(after.RecoverySeconds, before.RecoverySeconds),
            ["first_order_after_start_s_jit"] = before.FirstOrderSeconds,
            ["first_order_after_start_s_ready_to_run"] = after.FirstOrderSeconds,
            ["orders_per_s_before_kill_jit"] = before.BaselinePerSecond,
            ["orders_per_s_before_kill_ready_to_run"] = after.BaselinePerSecond,
            ["full_is"] = "90 % of the rate before the kill over a 3 s window",
        });
    }

    private static async Task<Recovery> MeasureRecovery(BenchContext context, string variant, string folder)
    {
        var logs = Path.Combine(Path.GetTempPath(), BenchContext.Unique("ordereats-restart-" + variant));
        var settings = new Dictionary<string, string>(OrderSagaScenario.ServiceSettings) { ["ORDEREATS_CONCURRENCY"] = context.Options.Concurrency.ToString(CultureInfo.InvariantCulture) };
        BenchContext.Progress($"restart ({variant}): starting the services from {folder}");
        await using var cluster = await ServiceCluster.Start(
            context.AmqpUri, context.Postgres.ServerConnectionString, 1, logs, settings, service => Path.Combine(folder, service, $"OrderEats.{service}.dll"));
        var catalog = await cluster.SeedCatalog(restaurants: 5, customers: 50);
        await using var listener = await TerminalListener.Start(context.AmqpUri);
        var waiting = new ConcurrentDictionary<Guid, TaskCompletionSource>();
        listener.Terminal += id =>
        {
            if (waiting.TryRemove(id, out var done))
            {
                done.TrySetResult();
            }
        };

        using var stop = new CancellationTokenSource();
        var number = 0;
        async Task Worker()
        {
            while (!stop.IsCancellationRequested)
            {
                var orderId = Guid.CreateVersion7();
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting[orderId] = done;
                listener.Placing(orderId);
                var n = Interlocked.Increment(ref number);
                // While Orders is down the request fails: the same order is placed again (placing is idempotent per order id).
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        if (await cluster.PlaceOrder(orderId, catalog, n, stop.Token) == 202)
                        {
                            break;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                    }

                    await Pause(TimeSpan.FromMilliseconds(100), stop.Token);
                }

                try
                {
                    await done.Task.WaitAsync(TimeSpan.FromSeconds(60), stop.Token);
                }
                catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
                {
                    waiting.TryRemove(orderId, out _);
                }
            }
        }

        var workers = Enumerable.Range(0, OrdersInFlight).Select(_ => Task.Run(Worker)).ToList();
        // Measured over wall-clock windows: the delays are the warm-up and the baseline window, not waits for work.
        await Task.Delay(Warmup);
        var count0 = listener.TerminalCount;
        await Task.Delay(Baseline);
        var baseline = (listener.TerminalCount - count0) / Baseline.TotalSeconds;

        var orders = cluster.Processes.Single(p => p.Process.Name == "orders#1").Process;
        BenchContext.Progress($"restart ({variant}): {baseline:0.#} orders/s; kill -9 {orders.Name} and start it again");
        await orders.Kill();
        var started = Clock.GetTimestamp();
        var atStart = listener.TerminalCount;
        orders.Start();
        var samples = new List<(double Seconds, long Count)>();
        double? firstOrder = null;
        double? recovered = null;
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250)))
        {
            while (recovered is null && Clock.GetElapsedTime(started) < GiveUp && await timer.WaitForNextTickAsync())
            {
                var now = (Clock.GetElapsedTime(started).TotalSeconds, listener.TerminalCount);
                samples.Add(now);
                firstOrder ??= now.TerminalCount > atStart ? now.TotalSeconds : null;
                var windowStart = samples.FirstOrDefault(s => s.Seconds >= now.TotalSeconds - Window.TotalSeconds);
                if (now.TotalSeconds >= Window.TotalSeconds && now.TerminalCount - windowStart.Count >= 0.9 * baseline * (now.TotalSeconds - windowStart.Seconds))
                {
                    // Full throughput since the window's start.
                    recovered = windowStart.Seconds;
                }
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);
        BenchContext.Progress($"restart ({variant}): first order after {firstOrder:0.0} s, full throughput after {recovered:0.0} s");
        return new Recovery(Math.Round(recovered ?? double.NaN, 1), Math.Round(firstOrder ?? double.NaN, 1), Math.Round(baseline, 1));
    }

    private static async Task Pause(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Publishes the four services into a temp folder, one sub-folder each: framework-dependent, with or without ReadyToRun. Intermediate files
    /// go to the folder too, so a build of the repository running meanwhile is not disturbed.
    /// </summary>
    private static async Task<string> Publish(bool readyToRun)
    {
        var root = RepositoryRoot.Find();
        var folder = Path.Combine(Path.GetTempPath(), BenchContext.Unique("ordereats-publish-" + (readyToRun ? "r2r" : "jit")));
        foreach (var service in ServiceCluster.Services)
        {
            BenchContext.Progress($"publishing {service} ({(readyToRun ? "ReadyToRun, linux-x64" : "JIT only")})");
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
            foreach (var arg in (string[])["publish", Path.Combine("Endpoints", $"OrderEats.{service}", $"OrderEats.{service}.csproj"), "-c", "Release", "-o", Path.Combine(folder, service), "-p:UseAppHost=false", "-nologo", "--artifacts-path", Path.Combine(folder, "artifacts")])
            {
                info.ArgumentList.Add(arg);
            }

            foreach (var arg in readyToRun ? (string[])["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"] : ["-p:PublishReadyToRun=false"])
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish of {service} failed ({process.ExitCode}):\n{await output}\n{await error}");
            }
        }

        return folder;
    }

    private sealed record Recovery(double RecoverySeconds, double FirstOrderSeconds, double BaselinePerSecond);
}
