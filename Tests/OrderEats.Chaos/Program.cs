using System.Diagnostics;
using System.Globalization;
using OrderEats.Chaos;
using OrderEats.TestInfrastructure;

if (!ChaosOptions.TryParse(args, Console.Out, Console.Error, out var parsed, out var exitCode))
{
    return exitCode;
}

var options = parsed!;

if (options.NeedsPrivateDatabase && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable)))
{
    Console.Error.WriteLine(
        $"--db-restarts, --db-crashes and --db-failover stop, crash or fail over only a PostgreSQL this run started; unset {PostgresServer.EnvironmentVariable} or pass 0 for each.");
    return 2;
}

var clock = Stopwatch.StartNew();
Program.Progress(
    $"chaos: {options.Orders} orders at {options.Rate}/s, {options.Instances} instance(s) per service, {options.Kills} kills, {options.BrokerRestarts} broker restarts, " +
    $"{options.BrokerNodeKills} broker node kills ({options.BrokerCluster} node(s)), {options.DbRestarts} database restarts, {options.DbCrashes} database crashes, " +
    $"{options.DbFailovers} database failovers");
await using var broker = await ChaosBroker.Start(options.BrokerCluster);

// The database durability is proved on runs with production settings: fsync and synchronous_commit on, and a synchronous standby for failovers.
await using var postgres = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable))
    ? await PostgresServer.StartPrivate(new PostgresServerOptions { Durable = true, SynchronousStandby = options.DbFailovers > 0 })
    : await PostgresServer.Start();
var logs = Path.Combine(Path.GetTempPath(), "ordereats-chaos-" + Guid.NewGuid().ToString("N")[..8]);
Program.Progress($"servers up; starting {options.Instances * ServiceCluster.Services.Count} service processes (logs in {logs})");
// 8 messages at once per process up to 2 instances; beyond that the instances share 16, so that 10 instances of 4 services (40 processes) stay
// well within the database's connection limit.
var concurrency = Math.Clamp(16 / options.Instances, 2, 8);
var settings = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["ORDEREATS_CONCURRENCY"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Kitchen__AcceptDelay"] = "00:00:00",
    ["Kitchen__PrepareTime"] = "00:00:00",
    ["Kitchen__RejectionRate"] = "0.05",
    ["Payments__Gateway__DeclineRate"] = "0.05",
    ["Payments__Gateway__TransientFailureRate"] = "0.02",
    ["Notifications__TransientFailureRate"] = "0.02",
};
await using var cluster = await ServiceCluster.Start(broker.AmqpUri, postgres.ServerConnectionString, options.Instances, logs, settings);
var catalog = await cluster.SeedCatalog(restaurants: 5, customers: 50);
var databases = new OrderDatabases(postgres.ServerConnectionString);
var placer = new OrderPlacer(cluster, catalog);
var faults = new FaultInjector(cluster, broker, postgres, placer, databases);

var window = TimeSpan.FromSeconds(options.Orders / options.Rate);
using var stopProgress = new CancellationTokenSource();
var progress = ReportProgress(placer, faults, databases, clock, stopProgress.Token);
await Task.WhenAll(placer.PlaceAll(options.Orders, options.Rate), faults.Run(options, window));
Program.Progress($"all {placer.AcceptedCount} orders placed ({placer.Retries} request retries); waiting until every order is terminal");

var settled = await WaitSettled(placer.Accepted, databases, options.SettleTimeout);
await stopProgress.CancelAsync();
await progress;

var report = await InvariantCheck.Run(databases, placer.Accepted) with
{
    ErrorQueue = await broker.ErrorQueueDepth(),
    Kills = faults.Count(FaultInjector.Kill),
    BrokerRestarts = faults.Count(FaultInjector.BrokerRestart),
    DbRestarts = faults.Count(FaultInjector.DbRestart),
    BrokerNodes = broker.Nodes,
    BrokerNodeKills = faults.Count(FaultInjector.BrokerNodeKill),
    DbCrashes = faults.Count(FaultInjector.DbCrash),
    DbFailovers = faults.Count(FaultInjector.DbFailover),
    MaxRecoverySeconds = faults.MaxRecoverySeconds,
    MaxRecoveryByFault = faults.LongestRecovery,
    StartupCrashes = cluster.StartupCrashes,
    ElapsedSeconds = clock.Elapsed.TotalSeconds,
};
if (placer.NeverAccepted.Count > 0)
{
    Program.Progress($"{placer.NeverAccepted.Count} order(s) were never accepted by the API within five minutes of retries");
}

Program.Progress(settled ? "settled" : $"did not settle within {options.SettleTimeout}");
Program.Progress(report.Passed ? "All invariants hold." : $"INVARIANTS BROKEN — service logs are in {logs}");
Console.WriteLine(report.ToJson());
return report.Passed && placer.NeverAccepted.Count == 0 ? 0 : 1;

static async Task ReportProgress(OrderPlacer placer, FaultInjector faults, OrderDatabases databases, Stopwatch clock, CancellationToken cancellationToken)
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
    try
    {
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var terminal = "?";
            try
            {
                terminal = (await databases.Statuses(cancellationToken)).Values.Count(InvariantCheck.IsTerminal).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                // The database is restarting.
            }

            Program.Progress($"[{clock.Elapsed.TotalSeconds:0} s] accepted {placer.AcceptedCount}, terminal {terminal}, faults so far: {faults.Summary}");
        }
    }
    catch (OperationCanceledException)
    {
        // The run is over.
    }
}

static async Task<bool> WaitSettled(IReadOnlyCollection<Guid> accepted, OrderDatabases databases, TimeSpan timeout)
{
    var waited = Stopwatch.StartNew();
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    while (waited.Elapsed < timeout)
    {
        var report = await InvariantCheck.Run(databases, accepted);
        if (report.Lost == 0 && report.Stuck == 0 && report.MissingNotifications == 0)
        {
            return true;
        }

        await timer.WaitForNextTickAsync();
    }

    return false;
}

/// <summary>The chaos run's entry point.</summary>
internal static partial class Program
{
    public static void Progress(string line) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
