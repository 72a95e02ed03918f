using Npgsql;
using OrderEats.TestInfrastructure.PgWire;

namespace OrderEats.Benchmarks;

/// <summary>
/// order-sql: what one order costs the databases. The services connect through <see cref="PgWireCounter"/>; after a warm-up, a fixed number
/// of orders runs to its terminal event and the statements and round trips every service sent are divided by the order count.
/// </summary>
internal static class OrderSqlScenario
{
    private const int WarmupOrders = 20;
    private const int Orders = 200;

    public static async Task Run(BenchContext context)
    {
        var server = new NpgsqlConnectionStringBuilder(context.Postgres.ServerConnectionString);
        await using var counter = new PgWireCounter(server.Host!, server.Port);
        counter.Start();
        var proxied = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = counter.Port, SslMode = SslMode.Disable };
        await using var run = await OrderCluster.Start(context, 1, proxied.ConnectionString);
        BenchContext.Progress($"order-sql: {WarmupOrders} orders to warm up, then {Orders} counted");
        await run.OpenLoop(10, TimeSpan.FromSeconds(WarmupOrders / 10.0));
        await Quiet(counter);
        counter.Reset();
        await run.OpenLoop(20, TimeSpan.FromSeconds(Orders / 20.0));
        await Quiet(counter);
        var perDatabase = counter.Counts
            .Where(c => c.Value.Statements > 0)
            .ToDictionary(
                c => c.Key,
                c => new Dictionary<string, double>
                {
                    ["statements"] = Math.Round(c.Value.Statements / (double)Orders, 2),
                    ["round_trips"] = Math.Round(c.Value.RoundTrips / (double)Orders, 2),
                    ["connections"] = c.Value.Connections,
                });
        context.Emit(new()
        {
            ["scenario"] = "order-sql",
            ["orders"] = Orders,
            ["statements_per_order"] = Math.Round(counter.Counts.Values.Sum(c => c.Statements) / (double)Orders, 2),
            ["round_trips_per_order"] = Math.Round(counter.Counts.Values.Sum(c => c.RoundTrips) / (double)Orders, 2),
            ["per_database"] = perDatabase,
        });
    }

    // The terminal event is published before the last handlers (notifications, the outbox marks) finish: wait until nothing is sent for a second.
    private static async Task Quiet(PgWireCounter counter)
    {
        long Total() => counter.Counts.Values.Sum(c => c.Statements);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = -1L;
        for (var i = 0; i < 30 && await timer.WaitForNextTickAsync(); i++)
        {
            var now = Total();
            if (now == last)
            {
                return;
            }

            last = now;
        }
    }
}
