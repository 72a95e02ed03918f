using System.Globalization;

namespace OrderEats.Benchmarks.Report;

/// <summary>The issue's targets, checked against this run's results.</summary>
internal static class Targets
{
    public static IEnumerable<string> Evaluate(IReadOnlyList<Dictionary<string, object>> results)
    {
        double? Get(string scenario, string key) =>
            results.LastOrDefault(r => (string)r["scenario"] == scenario) is { } r && r.TryGetValue(key, out var v) && v is double d && !double.IsNaN(d) ? d : null;

        yield return Check("engine-chain ≥ 0.85 of raw-chain throughput", Get("engine-chain", "ratio_to_raw"), v => v >= 0.85);
        yield return Check("engine-chain CPU per message ≤ 1.3× raw-chain", Get("engine-chain", "ratio_cpu_to_raw"), v => v <= 1.3);
        yield return Check("engine-chain CPU per message ≤ 0.5× MassTransit", Get("engine-chain", "ratio_cpu_to_masstransit"), v => v <= 0.5);
        yield return Check("order-saga ≥ 0.75 of the durable-step bound", Get("order-saga", "ratio_to_durable_step"), v => v >= 0.75);
        yield return Check("order-saga p50 ≤ 20 ms at 50% load", Get("order-saga", "p50_ms"), v => v <= 20);
        yield return Check("order-saga p99 ≤ 1.5× the durable-step chain's p99", Get("order-saga", "p99_ratio_to_durable_step"), v => v <= 1.5);
        yield return Check("endpoint RSS ≤ 150 MB", Get("order-saga", "max_rss_mb"), v => v <= 150);
        yield return Check("restart to full throughput ≤ 5 s after kill -9 (ReadyToRun)", Get("restart", "restart_to_full_s_ready_to_run"), v => v <= 5);
    }

    private static string Check(string target, double? value, Func<double, bool> met) => value is null
        ? $"{target}: not measured in this run"
        : string.Create(CultureInfo.InvariantCulture, $"{target}: {value} — {(met(value.Value) ? "**met**" : "**not met**")}");
}
