namespace OrderEats.Console.Tests;

/// <summary>The repository's root folder (where OrderEats.sln is), found from the test assembly's folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"OrderEats.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
