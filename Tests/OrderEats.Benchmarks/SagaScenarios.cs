using OrderEats.Benchmarks.EngineRuns;
using OrderEats.Benchmarks.Messages;
using OrderEats.Engine;
using OrderEats.Engine.Sql;

namespace OrderEats.Benchmarks;

/// <summary>saga-initiate, saga-update and saga-congestion: the engine with RabbitMQ, PostgreSQL persistence and the outbox.</summary>
internal static class SagaScenarios
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(5);

    public static async Task Initiate(BenchContext context)
    {
        var count = context.Options.SagaMessages;
        var (name, database) = await NewEndpoint(context);
        await ChainScenarios.Preload(context, name, count, _ => new StartBench(Guid.NewGuid()));
        var progress = new Progress();
        progress.Reset(count);
        var rate = await Drain(context, name, database, progress, count);
        context.Emit(new()
        {
            ["scenario"] = "saga-initiate",
            ["msgs_per_s"] = rate,
            ["messages"] = count,
            ["sagas"] = count,
            ["retries"] = progress.Attempts - count,
            ["concurrency"] = context.Options.Concurrency,
        });
    }

    public static Task Update(BenchContext context) => Touch(context, "saga-update", sagas: 100);

    public static Task Congestion(BenchContext context) => Touch(context, "saga-congestion", sagas: 1);

    private static async Task Touch(BenchContext context, string scenario, int sagas)
    {
        var count = context.Options.SagaMessages;
        var (name, database) = await NewEndpoint(context);
        var ids = Enumerable.Range(0, sagas).Select(_ => Guid.NewGuid()).ToList();
        await ChainScenarios.Preload(context, name, sagas, i => new StartBench(ids[i]));
        var created = new Progress();
        created.Reset(sagas);
        await Drain(context, name, database, created, sagas);

        await ChainScenarios.Preload(context, name, count, i => new TouchBench(ids[i % sagas], i));
        var progress = new Progress();
        progress.Reset(count);
        var rate = await Drain(context, name, database, progress, count);
        await ChainScenarios.DeleteQueues(context, name, name + "-error", name + "-error.parked");
        context.Emit(new()
        {
            ["scenario"] = scenario,
            ["msgs_per_s"] = rate,
            ["messages"] = count,
            ["sagas"] = sagas,
            ["retries"] = progress.Attempts - count,
            ["concurrency"] = context.Options.Concurrency,
        });
    }

    private static async Task<(string Name, string Database)> NewEndpoint(BenchContext context)
    {
        var name = BenchContext.Unique("bench-saga");
        return (name, await context.Postgres.CreateDatabase("bench_saga"));
    }

    private static async Task<double> Drain(BenchContext context, string name, string database, Progress progress, int count)
    {
        var endpoint = await EngineEndpoint.Start(
            name,
            context.AmqpUri,
            context.Options.Concurrency,
            c =>
            {
                c.AddHandler<BenchSaga>();
                c.UsePostgreSql(database);
                c.EnableOutbox();
            },
            [progress]);
        try
        {
            return await Measure.Drain(progress, count, DrainTimeout);
        }
        finally
        {
            await endpoint.Stop();
        }
    }
}
