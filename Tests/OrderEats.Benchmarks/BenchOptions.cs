using System.CommandLine;
using System.Globalization;
using OrderEats.TestInfrastructure.CommandLines;

namespace OrderEats.Benchmarks;

/// <summary>Command-line settings; every scenario reads what it needs. Defaults keep each scenario to tens of seconds.</summary>
internal sealed class BenchOptions
{
    private static readonly Argument<string[]> ScenariosArgument = new("scenario")
    {
        Description = "Scenarios to run, baselines first whatever the order: " + string.Join(", ", Benchmarks.All.Concat(Benchmarks.Extra)) + ", or all.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<int> DurationOption = ToolCommandLine.Number("--duration", "Seconds each measured window lasts", 10, minimum: 1, helpName: "seconds");
    private static readonly Option<int> WarmupOption = ToolCommandLine.Number("--warmup", "Seconds of warm-up before a window", 3, minimum: 0, helpName: "seconds");
    private static readonly Option<int> ConcurrencyOption = ToolCommandLine.Number("--concurrency", "Messages handled at once per endpoint", 8, minimum: 1);
    private static readonly Option<int> ChainsOption = ToolCommandLine.Number("--chains", "Message chains in flight in the chain scenarios", 64, minimum: 1);
    private static readonly Option<int> HopsOption = ToolCommandLine.Number("--hops", "Hops per chain", 5, minimum: 1);
    private static readonly Option<int> MessagesOption = ToolCommandLine.Number("--messages", "Messages in the receive scenario", 10000, minimum: 1);
    private static readonly Option<int> SagaMessagesOption = ToolCommandLine.Number("--saga-messages", "Messages in the saga scenarios", 3000, minimum: 1);
    private static readonly Option<int> OrdersInFlightOption = ToolCommandLine.Number("--orders-in-flight", "Orders kept in flight in the order scenarios", 32, minimum: 1);
    private static readonly Option<int> InstancesOption = ToolCommandLine.Number("--instances", "Processes per service in the order scenarios", 1, minimum: 1);

    private static readonly Option<string> ScaleOption = new("--scale")
    {
        Description = "Instance counts order-scale compares, separated by commas (default 1,2,10).",
        HelpName = "1,2,10",
    };

    private static readonly Option<string> ReportOption = new("--report")
    {
        Description = "Writes the figures as Markdown to this file (default docs/benchmarks.md when all scenarios run).",
        HelpName = "path.md",
    };

    private static readonly Option<bool> NoFsyncOption = new("--no-fsync")
    {
        Description = "Runs the private PostgreSQL with fsync and synchronous_commit off, for comparison (durable is the default).",
    };

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

    /// <summary>The benchmarks' command: scenarios as arguments, and the options and their help.</summary>
    public static RootCommand Command() => new(
        "Runs the named benchmark scenarios (all of them, written to docs/benchmarks.md, when none or 'all' is named) on a private RabbitMQ and PostgreSQL " +
        "(or ORDEREATS_RABBITMQ / ORDEREATS_POSTGRES) and prints their figures, each with its baseline from the same run.")
    {
        ScenariosArgument, DurationOption, WarmupOption, ConcurrencyOption, ChainsOption, HopsOption, MessagesOption, SagaMessagesOption, OrdersInFlightOption,
        InstancesOption, ScaleOption, ReportOption, NoFsyncOption,
    };

    /// <summary>Reads <paramref name="args"/>; false with the exit code after printing help or what is wrong.</summary>
    public static bool TryParse(IReadOnlyList<string> args, TextWriter output, TextWriter error, out BenchOptions? options, out int exitCode) =>
        ToolCommandLine.TryRead(Command(), args, output, error, Read, out options, out exitCode);

    private static (BenchOptions?, IReadOnlyList<string>) Read(ParseResult result)
    {
        var options = new BenchOptions
        {
            Duration = TimeSpan.FromSeconds(result.GetValue(DurationOption)),
            Warmup = TimeSpan.FromSeconds(result.GetValue(WarmupOption)),
            Concurrency = result.GetValue(ConcurrencyOption),
            Chains = result.GetValue(ChainsOption),
            Hops = result.GetValue(HopsOption),
            Messages = result.GetValue(MessagesOption),
            SagaMessages = result.GetValue(SagaMessagesOption),
            OrdersInFlight = result.GetValue(OrdersInFlightOption),
            Instances = result.GetValue(InstancesOption),
            Report = result.GetValue(ReportOption),
            NoFsync = result.GetValue(NoFsyncOption),
        };
        if (result.GetValue(ScaleOption) is { } scale)
        {
            var counts = scale.Split(',').Select(n => int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : 0).ToList();
            if (counts.Contains(0))
            {
                return (null, [$"--scale must list positive instance counts separated by commas (e.g. 1,2,10), not '{scale}'."]);
            }

            options.ScaleInstances = counts;
        }

        options.Scenarios.AddRange(result.GetValue(ScenariosArgument) ?? []);
        if (options.Scenarios.Count == 0 || options.Scenarios.Contains("all"))
        {
            options.Scenarios.Clear();
            options.Scenarios.AddRange(Benchmarks.All);
            options.Report ??= Path.Combine(TestInfrastructure.RepositoryRoot.Find(), "docs", "benchmarks.md");
        }

        var unknown = options.Scenarios.FirstOrDefault(s => !Benchmarks.All.Contains(s) && !Benchmarks.Extra.Contains(s));
        if (unknown is not null)
        {
            return (null, [$"Unknown scenario '{unknown}'. Scenarios: {string.Join(", ", Benchmarks.All.Concat(Benchmarks.Extra))}, all."]);
        }

        // Baselines run before what is compared with them, whatever order the command line names them in.
        var ordered = options.Scenarios.Distinct().OrderBy(Benchmarks.Position).ToList();
        options.Scenarios.Clear();
        options.Scenarios.AddRange(ordered);
        return (options, []);
    }
}
