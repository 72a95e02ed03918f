using System.Globalization;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests;

/// <summary>Inserts and then updates sagas one message at a time (a unit of work each), and reports the rate; no timing is asserted.</summary>
internal static class SagaWriteLoop
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static async Task<IReadOnlyList<Guid>> Run(string label, Func<PersistenceSetup, EndpointPersistence> create, int sagas, int workers)
    {
        var saga = new SagaStorageDefinition("OrderEats.Tests.LoopSaga", "Loop" + Guid.NewGuid().ToString("N")[..10], "OrderId", typeof(string));
        var setup = new PersistenceSetup("loop", [saga], Outbox: false);
        var persistence = create(setup);
        await persistence.Storage.Setup(setup);
        var ids = new Guid[sagas];

        var started = Clock.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < sagas; i += workers)
            {
                ids[i] = Guid.NewGuid();
                await using (var session = await persistence.Storage.OpenSession())
                {
                    await persistence.Sagas.Insert(saga, new SagaRecord(ids[i], "order-" + i, """{"state":"Submitted"}""", null, null, 0, []), session);
                    await session.Commit();
                }

                await using (var session = await persistence.Storage.OpenSession())
                {
                    var loaded = await persistence.Sagas.Get(saga, ids[i], session);
                    await persistence.Sagas.Update(saga, loaded! with { Data = """{"state":"Paid"}""" }, session);
                    await session.Commit();
                }
            }
        })));
        var elapsed = Clock.GetElapsedTime(started);

        var rate = sagas / elapsed.TotalSeconds;
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {sagas} sagas inserted then updated (2 units of work each) by {workers} workers in {(long)elapsed.TotalMilliseconds} ms = {rate:F0} insert+update pairs/s"));

        var versions = new List<int>();
        await using (var reader = await persistence.Storage.OpenSession())
        {
            foreach (var id in ids)
            {
                versions.Add((await persistence.Sagas.Get(saga, id, reader))?.Version ?? 0);
            }
        }

        Assert.That(versions, Has.All.EqualTo(2), "every saga was inserted and updated once");
        return ids;
    }
}
