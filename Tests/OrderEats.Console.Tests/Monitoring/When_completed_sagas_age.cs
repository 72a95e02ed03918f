using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Tests.Monitoring;

[TestFixture]
public class When_completed_sagas_age
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Test]
    public async Task Should_purge_completed_sagas_after_the_retention_window_and_keep_running_ones()
    {
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:SagaRetentionHours"] = "24" });
        var store = harness.Services.GetRequiredService<SagaStore>();
        var now = Clock.GetUtcNow();
        var oldCompleted = Record(now - TimeSpan.FromHours(25), completed: true);
        var recentCompleted = Record(now - TimeSpan.FromHours(23), completed: true);
        var oldRunning = Record(now - TimeSpan.FromHours(48), completed: false);
        await store.Ingest([oldCompleted, recentCompleted, oldRunning, oldRunning]);

        var purged = await store.Purge(now);

        Assert.Multiple(async () =>
        {
            Assert.That(purged, Is.EqualTo(1));
            Assert.That(await store.Detail(oldCompleted.SagaId), Is.Null);
            Assert.That((await store.Detail(recentCompleted.SagaId))!.Timeline, Has.Count.EqualTo(1));
            Assert.That((await store.Detail(oldRunning.SagaId))!.Timeline, Has.Count.EqualTo(1), "a redelivered record is stored once");
        });
    }

    private static AuditRecord Record(DateTimeOffset at, bool completed) => new(
        "Shop.CartSaga", Guid.NewGuid(), "cart-" + Guid.NewGuid().ToString("N")[..6], "shop", at,
        new AuditMessage(Guid.NewGuid().ToString(), "Shop.AddToCart", "Send", null, at, null, null, new Dictionary<string, string>(), "{}"),
        IsNew: true, completed, null, "{\"state\":\"Open\"}", [], [], [], [], null);
}
