using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>
/// The Node.js side of the foreign-client tests: installs the packages of Tests/OrderEats.BadInput.Tests/Node (npm ci, once) and runs scripts there,
/// including the example of docs/wire-format.md taken verbatim from the document.
/// </summary>
internal static partial class NodeClient
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private static bool installed;

    public static string Folder => Path.Combine(Repository, "Tests", "OrderEats.BadInput.Tests", "Node");

    public static string Repository
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No OrderEats.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Writes the ```js block under "## Node.js (amqplib) example" of docs/wire-format.md to a script beside the packages; returns its path.</summary>
    public static string DocumentedExample()
    {
        var document = File.ReadAllText(Path.Combine(Repository, "docs", "wire-format.md"));
        var section = document[document.IndexOf("## Node.js (amqplib) example", StringComparison.Ordinal)..];
        var code = JsBlock().Match(section);
        Assert.That(code.Success, "docs/wire-format.md has a ```js block in its Node.js section");
        var path = Path.Combine(Folder, "place-order.generated.js");
        File.WriteAllText(path, code.Groups[1].Value);
        return path;
    }

    /// <summary>Runs <c>node script args</c> in the Node folder with <paramref name="environment"/>; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> Run(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await EnsureInstalled();
        return await Execute("node", [script, .. arguments], environment, TimeSpan.FromMinutes(3));
    }

    private static async Task EnsureInstalled()
    {
        await Install.WaitAsync();
        try
        {
            if (installed)
            {
                return;
            }

            // npm ci installs exactly the committed package-lock.json; it needs Node.js and npm (Tests/run.sh installs them when missing).
            var (code, output, error) = await Execute("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            Assert.That(code, Is.Zero, $"npm ci in {Folder} failed:\n{output}\n{error}");
            installed = true;
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int, string, string)> Execute(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start; install Node.js 18 or later with npm.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex("```js\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsBlock();
}
