using System.Globalization;

namespace OrderEats.Benchmarks;

/// <summary>Command-line settings; every scenario reads what it needs. Defaults keep each scenario to tens of seconds.</summary>
internal sealed class BenchOptions
{
    public List<string> Scenarios { get; } = [];

    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(3);

    public int Concurrency { get; private set; } = 8;

    public int Chains { get; private set; } = 64;

    public int Hops { get; private set; } = 5;

    public int Messages { get; private set; } = 10000;

    public int SagaMessages { get; private set; } = 3000;

    public int OrdersInFlight { get; private set; } = 32;

    public int Instances { get; private set; } = 1;

    public IReadOnlyList<int> ScaleInstances { get; private set; } = [1, 2, 10];

    public string? Report { get; private set; }

    /// <summary>Runs the private PostgreSQL with fsync and synchronous_commit off (for comparison; durable is the default).</summary>
    public bool NoFsync { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--duration": options.Duration = TimeSpan.FromSeconds(NextInt()); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(NextInt()); break;
                case "--concurrency": options.Concurrency = NextInt(); break;
                case "--chains": options.Chains = NextInt(); break;
                case "--hops": options.Hops = NextInt(); break;
                case "--messages": options.Messages = NextInt(); break;
                case "--saga-messages": options.SagaMessages = NextInt(); break;
                case "--orders-in-flight": options.OrdersInFlight = NextInt(); break;
                case "--instances": options.Instances = NextInt(); break;
                case "--scale": options.ScaleInstances = [.. Next().Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))]; break;
                case "--report": options.Report = Next(); break;
                case "--no-fsync": options.NoFsync = true; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException(
                            $"Unknown option {args[i]}. Options: --duration s, --warmup s, --concurrency n, --chains n, --hops n, --messages n, --saga-messages n, " +
                            "--orders-in-flight n, --instances n, --scale 1,2,10, --report path.md, --no-fsync");
                    }

                    options.Scenarios.Add(args[i]);
                    break;
            }
        }

        if (options.Scenarios.Count == 0 || options.Scenarios.Contains("all"))
        {
            options.Scenarios.Clear();
            options.Scenarios.AddRange(Benchmarks.All);
            options.Report ??= Path.Combine(TestInfrastructure.RepositoryRoot.Find(), "docs", "benchmarks.md");
        }

        // Baselines run before what is compared with them, whatever order the command line names them in.
        var unknown = options.Scenarios.FirstOrDefault(s => !Benchmarks.All.Contains(s) && !Benchmarks.Extra.Contains(s));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown scenario '{unknown}'. Scenarios: {string.Join(", ", Benchmarks.All.Concat(Benchmarks.Extra))}, all.");
        }

        var ordered = options.Scenarios.Distinct().OrderBy(Benchmarks.Position).ToList();
        options.Scenarios.Clear();
        options.Scenarios.AddRange(ordered);

        return options;
    }
}
