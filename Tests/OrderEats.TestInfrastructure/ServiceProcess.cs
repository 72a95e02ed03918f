using System.Diagnostics;
using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// One endpoint service running as its own OS process (<c>dotnet OrderEats.X.dll</c>) with the environment given, its output appended to a log
/// file. Benchmarks and the chaos run start, kill (SIGKILL) and restart these; the process is killed on dispose.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly string dll;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string logFile;
    private Process? process;

    /// <summary>Describes a service process; <see cref="Start"/> runs it.</summary>
    public ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(dll);
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Service {name}: {dll} does not exist. Build it first: dotnet build -c Release (the project of {Path.GetFileName(dll)}).", dll);
        }

        Name = name;
        this.dll = dll;
        this.environment = environment;
        this.logFile = logFile;
    }

    /// <summary>A name for progress lines, e.g. <c>payments#2</c>.</summary>
    public string Name { get; }

    /// <summary>The OS process id while it runs.</summary>
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts the process (does nothing while it runs).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        process?.Dispose();
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec dotnet '{dll}' >> '{logFile}' 2>&1");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        process = Process.Start(info) ?? throw new InvalidOperationException($"Service {Name}: dotnet {dll} did not start.");
    }

    /// <summary>Kills the process with SIGKILL (no shutdown, no acks) and waits until it is gone.</summary>
    public async Task Kill(CancellationToken cancellationToken = default)
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>The resident set size (VmRSS) of the running process in bytes, or 0 when it is not running.</summary>
    public long ResidentBytes()
    {
        var id = ProcessId;
        if (id is null)
        {
            return 0;
        }

        try
        {
            var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
    }
}
