using System.Diagnostics;

namespace OrderEats.Console.Screenshots;

/// <summary>`OrderEats.Host demo` as its own process on the shared data folder, its services reporting to the console's queue.</summary>
internal sealed class DemoProcess : IDisposable
{
    private readonly Process process;

    private DemoProcess(Process process) => this.process = process;

    public bool HasExited => process.HasExited;

    public static DemoProcess Start(string root, string data, int orders)
    {
        // The Host is built with this tool (a project reference), in the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(root, "Endpoints", "OrderEats.Host", "bin", configuration, "net10.0", "OrderEats.Host.dll");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "demo", "--orders", orders.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data, "--keep-data" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ORDEREATS_CONSOLE_QUEUE"] = "console";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"dotnet {dll} demo did not start.");
        process.OutputDataReceived += (_, line) => Echo(line.Data);
        process.ErrorDataReceived += (_, line) => Echo(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DemoProcess(process);
    }

    public async Task<int> WaitForExit(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
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

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            System.Console.WriteLine("  demo | " + line);
        }
    }
}
