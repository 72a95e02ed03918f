using System.Globalization;

namespace OrderEats.Chaos;

/// <summary>The command line: how many orders at what rate, how many instances, the broker's and database's shape, and how many faults of each kind.</summary>
internal sealed record ChaosOptions
{
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

    public static ChaosOptions Parse(string[] args)
    {
        var options = new ChaosOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--orders" => options with { Orders = NextInt() },
                "--instances" => options with { Instances = NextInt() },
                "--kills" => options with { Kills = NextInt() },
                "--broker-restarts" => options with { BrokerRestarts = NextInt() },
                "--db-restarts" => options with { DbRestarts = NextInt() },
                "--broker-cluster" => options with { BrokerCluster = NextInt() },
                "--broker-node-kills" => options with { BrokerNodeKills = NextInt() },
                "--db-crashes" => options with { DbCrashes = NextInt() },
                "--db-failover" => options with { DbFailovers = NextInt() },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--settle-timeout" => options with { SettleTimeout = TimeSpan.FromSeconds(NextInt()) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --orders n, --instances n, --kills n, --broker-restarts n, --db-restarts n, --broker-cluster nodes, " +
                    "--broker-node-kills n, --db-crashes n, --db-failover n, --rate orders/s, --settle-timeout s."),
            };
        }

        if (options.Orders < 1 || options.Instances < 1 || options.Rate <= 0 || options.BrokerCluster < 1 || options.Kills < 0 || options.BrokerRestarts < 0 ||
            options.DbRestarts < 0 || options.BrokerNodeKills < 0 || options.DbCrashes < 0 || options.DbFailovers < 0)
        {
            throw new ArgumentException("--orders, --instances, --broker-cluster and --rate must be positive; fault counts must not be negative.");
        }

        if (options.BrokerNodeKills > 0 && options.BrokerCluster < 3)
        {
            throw new ArgumentException(
                $"--broker-node-kills needs --broker-cluster 3 or more: quorum queues stay available only while a majority of their {options.BrokerCluster} replica(s) runs.");
        }

        return options;
    }
}
