using System.Globalization;

namespace OrderEats.Chaos;

/// <summary>The command line: how many orders at what rate, how many instances, and how many faults of each kind.</summary>
internal sealed record ChaosOptions
{
    public int Orders { get; init; } = 10000;

    public int Instances { get; init; } = 2;

    public int Kills { get; init; } = 20;

    public int BrokerRestarts { get; init; } = 2;

    public int DbRestarts { get; init; } = 2;

    public double Rate { get; init; } = 25;

    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(10);

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
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--settle-timeout" => options with { SettleTimeout = TimeSpan.FromSeconds(NextInt()) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --orders n, --instances n, --kills n, --broker-restarts n, --db-restarts n, --rate orders/s, --settle-timeout s."),
            };
        }

        if (options.Orders < 1 || options.Instances < 1 || options.Rate <= 0 || options.Kills < 0 || options.BrokerRestarts < 0 || options.DbRestarts < 0)
        {
            throw new ArgumentException("--orders, --instances and --rate must be positive; fault counts must not be negative.");
        }

        return options;
    }
}
