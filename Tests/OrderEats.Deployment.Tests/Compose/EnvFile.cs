namespace OrderEats.Deployment.Tests.Compose;

/// <summary>.env files for docker-compose: the committed .env.example, and a copy with every empty value filled.</summary>
internal static class EnvFile
{
    public static string ExamplePath => RepositoryRoot.File(".env.example");

    public static IReadOnlyDictionary<string, string> Read(string path) => File.ReadAllLines(path)
        .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
        .Select(line => line.Split('=', 2))
        .ToDictionary(parts => parts[0].Trim(), parts => parts[1], StringComparer.Ordinal);

    /// <summary>Writes the example with every empty value filled in (as a user would) to a temporary file.</summary>
    public static string Filled(string folder)
    {
        var path = Path.Combine(folder, ".env");
        File.WriteAllLines(path, File.ReadAllLines(ExamplePath).Select(line =>
            !line.StartsWith('#') && line.EndsWith('=') ? line + "test-value-" + Guid.NewGuid().ToString("N")[..8] : line));
        return path;
    }
}
