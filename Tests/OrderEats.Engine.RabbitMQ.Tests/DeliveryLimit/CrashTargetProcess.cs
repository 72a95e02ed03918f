using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>Runs OrderEats.Engine.RabbitMQ.CrashTarget (built beside this test project): an endpoint whose handler kills its own process.</summary>
internal sealed class CrashTargetProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CrashTargetProcess(string amqpUri, string queue, string errorQueue, int deliveryLimit)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { DllPath(), amqpUri, queue, errorQueue, deliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Completes when the endpoint started receiving.</summary>
    public Task Ready => ready.Task;

    public string Output => string.Join(Environment.NewLine, output);

    public static CrashTargetProcess Start(string amqpUri, string queue, string errorQueue, int deliveryLimit) => new(amqpUri, queue, errorQueue, deliveryLimit);

    /// <summary>Waits until the process ended by itself; returns its exit code.</summary>
    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The crash target did not die within {timeout}. Its output:{Environment.NewLine}{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Closes stdin, which stops the endpoint; returns the exit code.</summary>
    public async Task<int> Stop(TimeSpan timeout)
    {
        process.StandardInput.Close();
        return await WaitForExit(timeout);
    }

    public bool HasExited => process.HasExited;

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
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var tests = bin.Parent.Parent!.Parent!.Parent!.FullName;
        const string name = "OrderEats.Engine.RabbitMQ.CrashTarget";
        var dll = Path.Combine(tests, name, "bin", configuration, bin.Name, name + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The crash target {dll} is missing. Build Tests/{name} with -c {configuration}.", dll);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        if (line == "ready")
        {
            ready.TrySetResult();
        }
    }
}
