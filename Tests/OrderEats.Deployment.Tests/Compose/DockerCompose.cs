using System.Diagnostics;

namespace OrderEats.Deployment.Tests.Compose;

/// <summary>Runs Debian's docker-compose (1.29) against the repository's compose file; `config` needs no Docker engine.</summary>
internal static class DockerCompose
{
    public static async Task<(int ExitCode, string Output)> Config(string envFile, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--project-directory", RepositoryRoot.Path, "-f", RepositoryRoot.File("docker-compose.yml"), "--env-file", envFile, "config", "-q" })
        {
            start.ArgumentList.Add(argument);
        }

        // Only the env file may supply values: variables of the test's own environment must not mask a missing one.
        foreach (var name in ComposeFile.Load().Variables)
        {
            start.Environment.Remove(name);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                "docker-compose is not installed, so the compose file cannot be validated. Install Debian's package: `apt-get install -y docker-compose` (Tests/run.sh does this when it is missing).", ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            return (process.ExitCode, await output + await error);
        }
    }
}
