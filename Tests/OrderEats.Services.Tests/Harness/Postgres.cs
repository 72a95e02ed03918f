using OrderEats.TestInfrastructure;

namespace OrderEats.Services.Tests.Harness;

/// <summary>
/// The PostgreSQL server of this run, started on first use (ORDEREATS_POSTGRES, else a private cluster). Each service uses its own database
/// on it (ordereats_payments, …), shared by the fixtures, so tests look only at rows of their own orders.
/// </summary>
public static class Postgres
{
    private static readonly Lock Gate = new();
    private static Task<PostgresServer>? server;

    public static Task<PostgresServer> Server()
    {
        lock (Gate)
        {
            return server ??= Start();
        }
    }

    public static async Task Stop()
    {
        Task<PostgresServer>? started;
        lock (Gate)
        {
            (started, server) = (server, null);
        }

        if (started is { IsCompletedSuccessfully: true })
        {
            await (await started).DisposeAsync();
        }
    }

    private static async Task<PostgresServer> Start()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var started = await PostgresServer.Start(timeout.Token);
        await TestContext.Progress.WriteLineAsync($"PostgreSQL: {(started.IsPrivate ? "private cluster" : "server from " + PostgresServer.EnvironmentVariable)}");
        return started;
    }
}
