namespace OrderEats.Deployment.Tests;

/// <summary>The repository the tests run from (the folder holding OrderEats.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderEats.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
