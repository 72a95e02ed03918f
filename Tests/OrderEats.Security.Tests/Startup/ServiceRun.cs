using System.Diagnostics;
using System.Text;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Startup;

/// <summary>Runs a built OrderEats process (<c>dotnet OrderEats.X.dll</c>) with only the environment given, and reports how it ended or what it printed.</summary>
public static class ServiceRun
{
    private static readonly string[] Inherited = ["ORDEREATS_RABBITMQ", "ORDEREATS_POSTGRES", "ORDEREATS_SQLSERVER", "ORDEREATS_CONSOLE_QUEUE", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    /// <summary>Runs <paramref name="service"/> until it exits (its exit code) or prints <paramref name="until"/> (null exit code: it was started and is killed).</summary>
    public static async Task<(int? ExitCode, string Output)> Run(string service, IReadOnlyDictionary<string, string> environment, string? until = null, params string[] arguments)
    {
        var dll = RepositoryRoot.ServiceDll(service);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} does not exist; build the solution in Release first (dotnet build -c Release).", dll);
        }

        var data = Directory.CreateTempSubdirectory("ordereats-startup-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["ORDEREATS_DATA"] = data;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var printed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (until is not null && line.Contains(until, StringComparison.Ordinal))
            {
                printed.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(exited, printed.Task).WaitAsync(TimeSpan.FromMinutes(2));
            if (first == exited)
            {
                await exited;
                return (process.ExitCode, Text(output));
            }

            return (null, Text(output));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            Directory.Delete(data, recursive: true);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
