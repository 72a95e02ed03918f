using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderEats.Engine.Tests.Learning;

/// <summary>Runs OrderEats.Engine.CrashTarget (built beside this test project) and collects the ids it prints as processed.</summary>
internal sealed class CrashTargetProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errors = new();
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> waiters = [];
    private readonly List<string> processed = [];

    private CrashTargetProcess(string folder, int concurrency)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath());
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => errors.Enqueue(e.Data ?? "");
        process.Exited += (_, _) => FailWaiters();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Processed
    {
        get
        {
            lock (gate)
            {
                return [.. processed];
            }
        }
    }

    public static CrashTargetProcess Start(string folder, int concurrency) => new(folder, concurrency);

    public Task WaitForProcessed(int count)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (processed.Count >= count)
            {
                return Task.CompletedTask;
            }

            waiters.Add((count, signal));
        }

        if (process.HasExited)
        {
            FailWaiters();
        }

        return signal.Task;
    }

    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>Closes stdin, which makes the target stop receiving (waiting for in-flight messages) and exit.</summary>
    public async Task<int> Stop()
    {
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    public string ErrorOutput => string.Join(Environment.NewLine, errors);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static string DllPath()
    {
        // bin/<configuration>/<tfm> of this project mirrors that of the target project beside it.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "OrderEats.Engine.CrashTarget", "bin", configuration, output.Name, "OrderEats.Engine.CrashTarget.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The crash target {dll} is missing. Build Tests/OrderEats.Engine.CrashTarget with -c {configuration}.", dll);
    }

    private void OnLine(string? line)
    {
        const string prefix = "processed ";
        if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return;
        }

        lock (gate)
        {
            processed.Add(line[prefix.Length..]);
            foreach (var waiter in waiters.Where(w => processed.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    private void FailWaiters()
    {
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                waiter.Signal.TrySetException(new InvalidOperationException(
                    $"The crash target exited after {processed.Count} messages, before {waiter.Count}. Its error output: {ErrorOutput}"));
            }

            waiters.Clear();
        }
    }
}
