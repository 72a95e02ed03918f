using OrderEats.TestInfrastructure;

namespace OrderEats.Orders.Tests;

/// <summary>Starts (or connects to) the PostgreSQL server once for the PostgreSQL variants of the fixtures.</summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    private static PostgresServer? server;

    public static PostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL server is not running: PostgresSetUp did not run.");

    /// <summary>The server's connection string (the Orders service creates its database ordereats_orders on it).</summary>
    public static string ServerConnectionString => Server.ConnectionString("postgres");

    [OneTimeSetUp]
    public async Task StartServer()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        server = await PostgresServer.Start(timeout.Token);
        await TestContext.Progress.WriteLineAsync($"PostgreSQL: {(server.IsPrivate ? "private cluster" : "server from " + PostgresServer.EnvironmentVariable)}");
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }
}
