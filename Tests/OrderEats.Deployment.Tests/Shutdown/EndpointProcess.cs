using System.Diagnostics;
using System.Globalization;

namespace OrderEats.Deployment.Tests.Shutdown;

/// <summary>A built endpoint (its dll under Endpoints/&lt;name&gt;/bin) running as its own process, with its output captured.</summary>
internal sealed class EndpointProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EndpointProcess(Process process, string startedLine)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Received(e.Data, startedLine);
        process.ErrorDataReceived += (_, e) => Received(e.Data, startedLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public Task Started => started.Task;

    public static EndpointProcess Start(string project, IReadOnlyDictionary<string, string> environment, string startedLine)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = RepositoryRoot.File("Endpoints", project, "bin", configuration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist. Build {project} in {configuration} first (the test project references it, so building the tests builds it).");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var name in new[] { "ORDEREATS_RABBITMQ", "ORDEREATS_POSTGRES", "ORDEREATS_SQLSERVER", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new EndpointProcess(Process.Start(start)!, startedLine);
    }

    /// <summary>Sends SIGTERM, as docker stop and Kubernetes do.</summary>
    public async Task Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Received(string? line, string startedLine)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        if (line.Contains(startedLine, StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
