using System.Diagnostics;
using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>Finds, kills and outlives processes by id through /proc, for processes this one did not start (a daemonized postmaster).</summary>
internal static class ProcessTree
{
    /// <summary>The ids of the processes whose parent is <paramref name="parent"/>.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    /// <summary>Sends SIGKILL to <paramref name="pid"/> (nothing when it is gone already).</summary>
    public static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Gone already.
        }
    }

    /// <summary>Waits until none of <paramref name="pids"/> exists any more (reaped, not just dead), as a restarted server's lock-file check needs.</summary>
    public static async Task WaitUntilGone(IReadOnlyCollection<int> pids, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (pids.Any(pid => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}")))
            {
                await timer.WaitForNextTickAsync(limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Processes {string.Join(", ", pids)} were still there {timeout} after SIGKILL.");
        }
    }
}
