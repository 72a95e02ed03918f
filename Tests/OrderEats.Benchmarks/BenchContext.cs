using System.Text.Json;
using OrderEats.TestInfrastructure;

namespace OrderEats.Benchmarks;

/// <summary>The servers, the settings and the results of one benchmark run.</summary>
internal sealed class BenchContext(RabbitMqBroker broker, PostgresServer postgres, BenchOptions options)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public RabbitMqBroker Broker { get; } = broker;

    public PostgresServer Postgres { get; } = postgres;

    public BenchOptions Options { get; } = options;

    public string AmqpUri => Broker.AmqpUri;

    public List<Dictionary<string, object>> Results { get; } = [];

    /// <summary>A result of an earlier scenario of this run (for ratios), or null.</summary>
    public Dictionary<string, object>? Result(string scenario) => Results.LastOrDefault(r => (string)r["scenario"] == scenario);

    public void Emit(Dictionary<string, object> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result["load_avg"] = LoadAverage();
        Results.Add(result);
        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    public static void Progress(string line) => Console.Error.WriteLine($"[{Clock.GetUtcNow():HH:mm:ss}] {line}");

    /// <summary>The machine's load averages (1, 5, 15 min) from /proc/loadavg, for the record of a run on a shared machine.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}
