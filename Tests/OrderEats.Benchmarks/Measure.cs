using System.Diagnostics;
using OrderEats.Benchmarks.EngineRuns;

namespace OrderEats.Benchmarks;

internal static class Measure
{
    /// <summary>Closed-loop rate: after a warm-up, units counted per second over the measured window.</summary>
    public static async Task<double> Rate(Progress progress, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        // A benchmark measures over a fixed window of wall-clock time; waiting here is the measurement, not a wait for work.
        await Task.Delay(warmup, cancellationToken);
        progress.Latencies.Clear();
        var before = progress.Count;
        var stopwatch = Stopwatch.StartNew();
        await Task.Delay(duration, cancellationToken);
        var after = progress.Count;
        return Math.Round((after - before) / stopwatch.Elapsed.TotalSeconds, 1);
    }

    /// <summary>Drain rate: <paramref name="count"/> units from the first one counted until the target is reached.</summary>
    public static async Task<double> Drain(Progress progress, int count, TimeSpan timeout)
    {
        await progress.Reached.WaitAsync(timeout);
        var elapsed = Stopwatch.GetElapsedTime(progress.FirstTicks).TotalSeconds;
        return Math.Round(count / elapsed, 1);
    }

    public static double Ratio(double value, double baseline) => baseline > 0 ? Math.Round(value / baseline, 3) : double.NaN;
}
