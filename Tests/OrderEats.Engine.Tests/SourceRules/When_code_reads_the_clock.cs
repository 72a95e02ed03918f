using System.Text.RegularExpressions;

namespace OrderEats.Engine.Tests.SourceRules;

/// <summary>
/// Every clock read goes through a <see cref="TimeProvider"/> the class is given, so tests can move time and every stamp and comparison uses the
/// same clock. Only a Program.cs (the composition root) may read the system clock directly.
/// </summary>
public class When_code_reads_the_clock
{
    private static readonly string[] Folders = ["Engine", "Endpoints", "Messages", "Sagas", "Tests"];

    private static readonly Regex DirectRead = new(
        @"\bDateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b|\bStopwatch\s*\.\s*(GetTimestamp|StartNew|GetElapsedTime)\b|\bnew\s+(System\.Diagnostics\.)?Stopwatch\s*\(|\bEnvironment\s*\.\s*TickCount|\bTimeProvider\s*\.\s*System\s*\.\s*Get",
        RegexOptions.CultureInvariant);

    // The one public default that reads the system clock on purpose (file and exact line): the testing library's virtual clock starts at
    // the system's now unless the test names a start.
    private static readonly (string File, string Line)[] Allowed =
    [
        (Path.Combine("Engine", "OrderEats.Engine.Testing", "TestableSaga.cs"), "clock = new VirtualClock(initialCurrentTime ?? System.TimeProvider.System.GetUtcNow());"),
    ];

    [Test]
    public void Should_read_it_through_a_TimeProvider_everywhere_but_Program_cs()
    {
        var root = RepositoryRoot();
        var offending = new List<string>();
        foreach (var folder in Folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories).Where(IsSource))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (DirectRead.IsMatch(lines[i]) && !Allowed.Contains((Path.GetRelativePath(root, file), lines[i].Trim())))
                    {
                        offending.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.That(
            offending,
            Is.Empty,
            "These lines read the system clock directly. Read it from the class's TimeProvider instead (time.GetUtcNow(), time.GetTimestamp() and " +
            "time.GetElapsedTime(start)), injected through the constructor or options; TimeProvider.System belongs in Program.cs or a public default:" +
            Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    private static bool IsSource(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar);
        // This file names the exception it allows, so it is not scanned itself.
        return Path.GetFileName(file) is not ("Program.cs" or nameof(When_code_reads_the_clock) + ".cs") && !parts.Contains("obj") && !parts.Contains("bin") && !parts.Contains("node_modules");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderEats.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
