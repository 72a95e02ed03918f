using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrderEats.Security.Tests.Routes;

/// <summary>One OrderEats process as its own Program builds it (entry point of <typeparamref name="TEntryPoint"/>'s assembly), on a TestServer, in a private data folder.</summary>
public sealed class ProcessFactory<TEntryPoint>(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "ordereats-security-" + Guid.NewGuid().ToString("N")[..12]);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("OrderEats:DataFolder", DataFolder);
        builder.UseSetting("OrderEats:Transport", "learning");
        builder.UseSetting("OrderEats:Persistence", "sqlite");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still held for a moment; the temp folder is cleaned by the OS.
        }
    }
}
