namespace OrderEats.TestInfrastructure;

/// <summary>Finds the repository (the folder holding OrderEats.sln) from the running program's folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root, found by walking up from the program's base directory.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderEats.sln above {AppContext.BaseDirectory}; run the program from inside the repository.");
    }

    /// <summary>The built dll of service <paramref name="service"/> (e.g. <c>Orders</c>) in Release.</summary>
    public static string ServiceDll(string service) =>
        Path.Combine(Find(), "Endpoints", "OrderEats." + service, "bin", "Release", "net10.0", "OrderEats." + service + ".dll");
}
