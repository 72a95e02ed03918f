using System.Diagnostics;
using System.Globalization;

namespace OrderEats.Orders.Tests.Edge;

/// <summary>Runs OrderEats.Orders.CrashTarget (built beside this test project): the Orders service on a free port, killing itself at the given StartOrder dispatch.</summary>
internal sealed class OrdersProcess : IDisposable
{
    public const string ApiKey = "edge-kill-test-key";
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OrdersProcess(string dataFolder, int crashAt)
    {
        var port = TestInfrastructure.FreePort.Find();
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath());
        start.Environment["CRASH_AT"] = crashAt.ToString(CultureInfo.InvariantCulture);
        start.Environment["ORDEREATS_DATA"] = dataFolder;
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Orders__Auth__ApiKeys__0__Name"] = "edge-kill-test";
        start.Environment["Orders__Auth__ApiKeys__0__Key"] = ApiKey;
        start.Environment["Orders__RateLimit__PermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The Orders process exited with {process.ExitCode} before it was ready."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    public static async Task<OrdersProcess> Start(string dataFolder, int crashAt, TimeSpan timeout)
    {
        var started = new OrdersProcess(dataFolder, crashAt);
        await started.ready.Task.WaitAsync(timeout);
        return started;
    }

    public Task Exited(TimeSpan timeout) => process.WaitForExitAsync().WaitAsync(timeout);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static string DllPath()
    {
        // bin/<configuration>/<tfm> of this project mirrors that of the target project beside it.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tests = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "OrderEats.Orders.CrashTarget", "bin", output.Parent.Name, output.Name, "OrderEats.Orders.CrashTarget.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build Tests/OrderEats.Orders.CrashTarget first: {dll} is missing.", dll);
    }
}
