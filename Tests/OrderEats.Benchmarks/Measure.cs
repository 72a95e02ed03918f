using System.Diagnostics;
using OrderEats.Benchmarks.EngineRuns;

namespace OrderEats.Benchmarks;

internal static class Measure
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>
    /// Closed-loop rate: after a warm-up, units counted per second over the measured window, and this process's CPU time over the same window
    /// per unit in µs (user + system, every thread; the broker and the database run in other processes and are not counted).
    /// </summary>
    public static async Task<WindowResult> Rate(Progress progress, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        // A benchmark measures over a fixed window of wall-clock time; waiting here is the measurement, not a wait for work.
        await Task.Delay(warmup, cancellationToken);
        progress.Latencies.Clear();
        var before = progress.Count;
        var cpuBefore = ProcessCpu();
        var begun = Clock.GetTimestamp();
        await Task.Delay(duration, cancellationToken);
        var after = progress.Count;
        var cpu = ProcessCpu() - cpuBefore;
        var elapsed = Clock.GetElapsedTime(begun).TotalSeconds;
        var units = after - before;
        return new WindowResult(Math.Round(units / elapsed, 1), units > 0 ? Math.Round(cpu.TotalMicroseconds / units, 1) : double.NaN);
    }

    /// <summary>Drain rate: <paramref name="count"/> units from the first one counted until the target is reached.</summary>
    public static async Task<double> Drain(Progress progress, int count, TimeSpan timeout)
    {
        await progress.Reached.WaitAsync(timeout);
        var elapsed = Clock.GetElapsedTime(progress.FirstTicks).TotalSeconds;
        return Math.Round(count / elapsed, 1);
    }

    public static double Ratio(double value, double baseline) => baseline > 0 ? Math.Round(value / baseline, 3) : double.NaN;

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
