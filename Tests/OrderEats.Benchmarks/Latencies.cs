using System.Collections.Concurrent;

namespace OrderEats.Benchmarks;

/// <summary>Collects latencies in milliseconds and reports percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentQueue<double> samples = new();

    public int Count => samples.Count;

    public void Add(double milliseconds) => samples.Enqueue(milliseconds);

    public void Clear() => samples.Clear();

    public double Percentile(double p)
    {
        var sorted = samples.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Length - 1)], 2);
    }

    public double Max() => samples.IsEmpty ? double.NaN : Math.Round(samples.Max(), 2);
}
