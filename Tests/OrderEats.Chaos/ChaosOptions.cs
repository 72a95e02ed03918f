using System.CommandLine;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Chaos;

/// <summary>The command line: how many orders at what rate, how many instances, the broker's and database's shape, and how many faults of each kind.</summary>
internal sealed record ChaosOptions
{
    private static readonly Option<int> OrdersOption = ToolCommandLine.Number("--orders", "Orders to place", 10000, minimum: 1);
    private static readonly Option<double> RateOption = ToolCommandLine.Positive("--rate", "Orders placed per second", 25, "orders/s");
    private static readonly Option<int> InstancesOption = ToolCommandLine.Number("--instances", "Processes per service", 2, minimum: 1);
    private static readonly Option<int> KillsOption = ToolCommandLine.Number("--kills", "kill -9s of a random service process (restarted after a moment)", 20, minimum: 0);
    private static readonly Option<int> BrokerRestartsOption = ToolCommandLine.Number("--broker-restarts", "Restarts of the whole broker", 2, minimum: 0);
    private static readonly Option<int> DbRestartsOption = ToolCommandLine.Number("--db-restarts", "Fast restarts of the database (connections dropped)", 2, minimum: 0);
    private static readonly Option<int> BrokerClusterOption = ToolCommandLine.Number(
        "--broker-cluster", "Broker nodes: 1 is a single node, 3 or more a cluster with quorum queues on every node", 1, minimum: 1, helpName: "nodes");
    private static readonly Option<int> BrokerNodeKillsOption = ToolCommandLine.Number(
        "--broker-node-kills", "kill -9s of one broker node, restarted and rejoined (needs --broker-cluster 3 or more)", 0, minimum: 0);
    private static readonly Option<int> DbCrashesOption = ToolCommandLine.Number("--db-crashes", "kill -9s of the database's postmaster", 0, minimum: 0);
    private static readonly Option<int> DbFailoversOption = ToolCommandLine.Number(
        "--db-failover", "Failovers to a synchronous standby (any number above 0 runs the database as primary + standby)", 0, minimum: 0);
    private static readonly Option<int> SettleTimeoutOption = ToolCommandLine.Number(
        "--settle-timeout", "Seconds to wait after the last order for every order to be terminal", 600, minimum: 1, helpName: "seconds");

    public int Orders { get; init; } = 10000;

    public int Instances { get; init; } = 2;

    public int Kills { get; init; } = 20;

    public int BrokerRestarts { get; init; } = 2;

    public int DbRestarts { get; init; } = 2;

    /// <summary>Broker nodes (1: a single node; 3: a cluster with quorum queues replicated to every node).</summary>
    public int BrokerCluster { get; init; } = 1;

    public int BrokerNodeKills { get; init; }

    public int DbCrashes { get; init; }

    /// <summary>Failovers to the synchronous standby (any number above 0 runs the database as primary + standby).</summary>
    public int DbFailovers { get; init; }

    public double Rate { get; init; } = 25;

    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>True when a fault needs a database this run starts (and may kill).</summary>
    public bool NeedsPrivateDatabase => DbRestarts > 0 || DbCrashes > 0 || DbFailovers > 0;

    /// <summary>The chaos run's command: its options and their help.</summary>
    public static RootCommand Command() => new(
        "The chaos run: every service as its own process on a private broker and database, faults injected while orders are placed, then the " +
        "invariants checked against the services' own data (exit 1 when one breaks).")
    {
        OrdersOption, RateOption, InstancesOption, KillsOption, BrokerRestartsOption, DbRestartsOption, BrokerClusterOption, BrokerNodeKillsOption,
        DbCrashesOption, DbFailoversOption, SettleTimeoutOption,
    };

    /// <summary>Reads <paramref name="args"/>; false with the exit code after printing help or what is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, TextWriter output, TextWriter error, out ChaosOptions? options, out int exitCode) =>
        ToolCommandLine.TryRead(Command(), args, output, error, Read, out options, out exitCode);

    private static (ChaosOptions?, IReadOnlyList<string>) Read(ParseResult result)
    {
        var options = new ChaosOptions
        {
            Orders = result.GetValue(OrdersOption),
            Rate = result.GetValue(RateOption),
            Instances = result.GetValue(InstancesOption),
            Kills = result.GetValue(KillsOption),
            BrokerRestarts = result.GetValue(BrokerRestartsOption),
            DbRestarts = result.GetValue(DbRestartsOption),
            BrokerCluster = result.GetValue(BrokerClusterOption),
            BrokerNodeKills = result.GetValue(BrokerNodeKillsOption),
            DbCrashes = result.GetValue(DbCrashesOption),
            DbFailovers = result.GetValue(DbFailoversOption),
            SettleTimeout = TimeSpan.FromSeconds(result.GetValue(SettleTimeoutOption)),
        };
        return options.BrokerNodeKills > 0 && options.BrokerCluster < 3
            ? (null, [$"--broker-node-kills needs --broker-cluster 3 or more: quorum queues stay available only while a majority of their {options.BrokerCluster} replica(s) runs."])
            : (options, []);
    }
}
