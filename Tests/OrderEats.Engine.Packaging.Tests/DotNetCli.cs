using System.Diagnostics;
using System.Text;

namespace OrderEats.Engine.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a child process, without the MSBuild settings of the test host leaking into it, and returns its output.</summary>
internal static class DotNetCli
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static async Task<string> Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var begun = Clock.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new StringBuilder();
        var stdout = Pump(process.StandardOutput, output);
        var stderr = Pump(process.StandardError, output);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"`dotnet {string.Join(' ', arguments)}` did not finish within {timeout}. Output:{Environment.NewLine}{output}");
        }

        await Task.WhenAll(stdout, stderr);
        TestContext.Progress.WriteLine($"`dotnet {arguments[0]}` took {Clock.GetElapsedTime(begun).TotalSeconds:0} s");
        if (process.ExitCode != 0)
        {
            Assert.Fail($"`dotnet {string.Join(' ', arguments)}` exited with {process.ExitCode}. Output:{Environment.NewLine}{output}");
        }

        return output.ToString();
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
