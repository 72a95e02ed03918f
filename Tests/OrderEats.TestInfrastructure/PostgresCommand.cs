using System.Diagnostics;
using System.Text;

namespace OrderEats.TestInfrastructure;

/// <summary>Runs a PostgreSQL tool to completion and captures what it printed.</summary>
internal static class PostgresCommand
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; throws with the output when it exits non-zero.</summary>
    public static async Task<string> Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        var (exitCode, output) = await TryRun(fileName, arguments, workingDirectory, cancellationToken);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'{fileName}' exited with code {exitCode}:\n{output}");
    }

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> TryRun(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
