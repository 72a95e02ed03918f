using OrderEats.TestInfrastructure;

namespace OrderEats.Engine.Sql.Tests.PostgreSql;

/// <summary>Starts (or connects to) the PostgreSQL server once for every PostgreSQL fixture in this run.</summary>
[SetUpFixture]
public sealed class PostgresSetUp
{
    private static PostgresServer? server;

    public static PostgresServer Server => server ?? throw new InvalidOperationException("The PostgreSQL server is not running: PostgresSetUp did not run.");

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
