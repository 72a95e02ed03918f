using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Tests.PostgreSql;

[TestFixture]
public class When_sagas_are_stored_in_postgresql
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_store_search_detail_and_purge_saga_instances()
    {
        await using var harness = await ConsoleHarness.Start(PostgresSetUp.UniqueDatabase(), PostgresSetUp.ServerConnectionString);
        var store = harness.Services.GetRequiredService<SagaStore>();
        var now = Clock.GetUtcNow();
        var sagaId = Guid.NewGuid();
        var opened = Record(sagaId, "Cart-ABC", now - TimeSpan.FromHours(30), "{\"state\":\"Open\"}", completed: false);
        var closed = Record(sagaId, "Cart-ABC", now - TimeSpan.FromHours(26), "{\"state\":\"Closed\"}", completed: true);
        var other = Record(Guid.NewGuid(), "Cart-XYZ", now - TimeSpan.FromMinutes(5), "{\"state\":\"Open\"}", completed: false);
        await store.Ingest([closed, opened, other, closed]);

        var byCorrelation = await store.List(new SagaFilter { Correlation = "cart-abc", SagaType = "CartSaga" }, now);
        var open = await store.List(new SagaFilter { State = "Open", MaxAge = TimeSpan.FromHours(1) }, now);
        var detail = await store.Detail(sagaId);
        var purged = await store.Purge(now);

        Assert.Multiple(async () =>
        {
            Assert.That(byCorrelation.Items.Single().State, Is.EqualTo("Closed"), "the latest record wins even when it arrived first");
            Assert.That(byCorrelation.Items.Single().Started, Is.EqualTo(opened.ProcessedAt).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(open.Items.Single().Correlation, Is.EqualTo("Cart-XYZ"));
            Assert.That(detail!.Timeline.Select(r => r.Incoming.MessageType), Is.EqualTo(new[] { "Shop.OpenCart", "Shop.CloseCart" }));
            Assert.That(purged, Is.EqualTo(1));
            Assert.That(await store.Detail(sagaId), Is.Null);
        });
    }

    private static AuditRecord Record(Guid sagaId, string correlation, DateTimeOffset at, string state, bool completed) => new(
        "Shop.CartSaga", sagaId, correlation, "shop", at,
        new AuditMessage(Guid.NewGuid().ToString(), completed ? "Shop.CloseCart" : "Shop.OpenCart", "Send", null, at, null, null, new Dictionary<string, string>(), "{}"),
        IsNew: !completed, completed, null, state, [], [], [], [], null);
}
