using System.Text;
using Microsoft.Extensions.Time.Testing;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Contracts;

/// <summary>
/// What every <see cref="IOutboxStorage"/> must do. Subclass it per implementation and return a persistence (with an outbox) for the given setup and clock;
/// the suite calls <see cref="IStorage.Setup"/> itself and uses a new endpoint name per test.
/// </summary>
public abstract class OutboxContract
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>How long any one step may take before the test fails instead of hanging.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private CancellationTokenSource cancellation = null!;

    /// <summary>The token of the running test.</summary>
    protected CancellationToken Token => cancellation.Token;

    /// <summary>Creates the persistence under test for <paramref name="setup"/> on the endpoint clock <paramref name="time"/> (the suite calls Setup on it).</summary>
    protected abstract Task<EndpointPersistence> CreatePersistence(PersistenceSetup setup, TimeProvider time, CancellationToken cancellationToken);

    [SetUp]
    public void StartClock() => cancellation = new CancellationTokenSource(Timeout * 2);

    [TearDown]
    public void StopClock() => cancellation.Dispose();

    [Test]
    public async Task Should_return_null_for_an_unknown_message()
    {
        var (_, outbox) = await Prepare();
        Assert.That(await outbox.Get(Guid.NewGuid().ToString(), cancellationToken: Token), Is.Null);
    }

    [Test]
    public async Task Should_return_the_stored_operations_intact_after_commit()
    {
        var (persistence, outbox) = await Prepare();
        var operations = Operations();
        await StoreAndCommit(persistence, outbox, "incoming-1", operations);

        var record = await outbox.Get("incoming-1", cancellationToken: Token);
        Assert.That(record, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(record!.MessageId, Is.EqualTo("incoming-1"));
            Assert.That(record.Dispatched, Is.False);
            Assert.That(record.Operations, Has.Count.EqualTo(operations.Count));
        });
        for (var i = 0; i < operations.Count; i++)
        {
            var (expected, actual) = (operations[i], record!.Operations[i]);
            Assert.Multiple(() =>
            {
                Assert.That(actual.Message.MessageId, Is.EqualTo(expected.Message.MessageId));
                Assert.That(actual.Message.Headers, Is.EquivalentTo(expected.Message.Headers));
                Assert.That(actual.Message.Body.ToArray(), Is.EqualTo(expected.Message.Body.ToArray()));
                Assert.That(actual.Queue, Is.EqualTo(expected.Queue));
                Assert.That(actual.EventTypes, Is.EqualTo(expected.EventTypes));
                Assert.That(actual.DeliverAt, Is.EqualTo(expected.DeliverAt));
            });
        }
    }

    [Test]
    public async Task Should_store_nothing_without_commit()
    {
        var (persistence, outbox) = await Prepare();
        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            await outbox.Store("incoming-1", Operations(), session, Token);
        }

        Assert.That(await outbox.Get("incoming-1", cancellationToken: Token), Is.Null);
    }

    [Test]
    public async Task Should_fail_to_store_a_second_record_for_the_same_message()
    {
        var (persistence, outbox) = await Prepare();
        await StoreAndCommit(persistence, outbox, "incoming-1", Operations());

        Assert.That(() => StoreAndCommit(persistence, outbox, "incoming-1", []), Throws.Exception);
        Assert.That((await outbox.Get("incoming-1", cancellationToken: Token))!.Operations, Has.Count.EqualTo(2), "the first record is kept");
    }

    [Test]
    public async Task Should_let_only_one_of_two_racing_stores_for_the_same_message_commit()
    {
        var (persistence, outbox) = await Prepare();
        var failures = await Race.Run(2, i => StoreAndCommit(persistence, outbox, "incoming-1", i == 0 ? Operations() : []), Timeout);

        Assert.That(failures.Count(f => f is null), Is.EqualTo(1), string.Join("; ", failures.Select(f => f?.Message ?? "committed")));
        var winner = Array.FindIndex(failures, f => f is null);
        Assert.That((await outbox.Get("incoming-1", cancellationToken: Token))!.Operations, Has.Count.EqualTo(winner == 0 ? 2 : 0));
    }

    [Test]
    public async Task Should_drop_the_operations_once_dispatched()
    {
        var (persistence, outbox) = await Prepare();
        await StoreAndCommit(persistence, outbox, "incoming-1", Operations());
        await StoreAndCommit(persistence, outbox, "incoming-2", Operations());

        await outbox.MarkDispatched(["incoming-1"], Token);

        var dispatched = await outbox.Get("incoming-1", cancellationToken: Token);
        var pending = await outbox.Get("incoming-2", cancellationToken: Token);
        Assert.Multiple(() =>
        {
            Assert.That(dispatched!.Dispatched, Is.True);
            Assert.That(dispatched.Operations, Is.Empty);
            Assert.That(pending!.Dispatched, Is.False);
            Assert.That(pending.Operations, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Should_mark_many_records_dispatched_in_one_call()
    {
        var (persistence, outbox) = await Prepare();
        var ids = Enumerable.Range(0, 1203).Select(i => "batch-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        await using (var session = await persistence.Storage.OpenSession(Token))
        {
            foreach (var id in ids)
            {
                await outbox.Store(id, [], session, Token);
            }

            await outbox.Store("left-alone", Operations(), session, Token);
            await session.Commit(Token);
        }

        await outbox.MarkDispatched([.. ids, "never-stored"], Token);

        Assert.Multiple(async () =>
        {
            Assert.That((await outbox.Get(ids[0], cancellationToken: Token))!.Dispatched, Is.True);
            Assert.That((await outbox.Get(ids[^1], cancellationToken: Token))!.Dispatched, Is.True, "ids beyond one statement's share are marked too");
            Assert.That((await outbox.Get("left-alone", cancellationToken: Token))!.Dispatched, Is.False);
            Assert.That(await outbox.Get("never-stored", cancellationToken: Token), Is.Null, "marking an unknown id creates nothing");
        });
    }

    [Test]
    public async Task Should_read_a_record_inside_a_unit_of_work()
    {
        var (persistence, outbox) = await Prepare();
        await StoreAndCommit(persistence, outbox, "incoming-1", Operations());

        await using var session = await persistence.Storage.OpenSession(Token);
        var known = await outbox.Get("incoming-1", session, Token);
        var unknown = await outbox.Get("incoming-2", session, Token);
        await outbox.Store("incoming-2", [], session, Token);
        await session.Commit(Token);

        Assert.Multiple(() =>
        {
            Assert.That(known!.Operations, Has.Count.EqualTo(2));
            Assert.That(unknown, Is.Null);
        });
    }

    [Test]
    public async Task Should_purge_only_dispatched_records_older_than_the_cutoff()
    {
        var (persistence, outbox) = await Prepare();
        foreach (var id in new[] { "dispatched-1", "dispatched-2", "pending-1" })
        {
            await StoreAndCommit(persistence, outbox, id, Operations());
        }

        await outbox.MarkDispatched(["dispatched-1"], Token);
        await outbox.MarkDispatched(["dispatched-2"], Token);

        var tooRecent = await outbox.Purge(Clock.GetUtcNow().AddHours(-1), Token);
        Assert.That(tooRecent, Is.Zero, "records dispatched after the cutoff stay");
        Assert.That(await outbox.Get("dispatched-1", cancellationToken: Token), Is.Not.Null);

        var purged = await outbox.Purge(Clock.GetUtcNow().AddMinutes(1), Token);
        Assert.Multiple(async () =>
        {
            Assert.That(purged, Is.EqualTo(2));
            Assert.That(await outbox.Get("dispatched-1", cancellationToken: Token), Is.Null);
            Assert.That(await outbox.Get("dispatched-2", cancellationToken: Token), Is.Null);
            Assert.That(await outbox.Get("pending-1", cancellationToken: Token), Is.Not.Null, "undispatched records are never purged");
        });
    }

    [Test]
    public async Task Should_stamp_records_by_the_clock_the_purge_compares_them_with()
    {
        // The endpoint's clock is years behind the system clock: a record stamped by the system clock would never fall before a cutoff on it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var (persistence, outbox) = await Prepare(clock);
        await StoreAndCommit(persistence, outbox, "dispatched-1", Operations());
        await outbox.MarkDispatched(["dispatched-1"], Token);

        clock.Advance(TimeSpan.FromDays(8));
        Assert.That(await outbox.Purge(clock.GetUtcNow() - TimeSpan.FromDays(9), Token), Is.Zero, "dispatched eight days ago on the endpoint's clock, after this cutoff");
        Assert.That(await outbox.Get("dispatched-1", cancellationToken: Token), Is.Not.Null);
        Assert.That(await outbox.Purge(clock.GetUtcNow() - TimeSpan.FromDays(7), Token), Is.EqualTo(1), "dispatched eight days ago on the endpoint's clock, before this cutoff");
        Assert.That(await outbox.Get("dispatched-1", cancellationToken: Token), Is.Null);
    }

    [Test]
    public async Task Should_keep_each_endpoints_records_apart()
    {
        var (persistence, outbox) = await Prepare();
        var (other, otherOutbox) = await Prepare();
        await StoreAndCommit(persistence, outbox, "incoming-1", Operations());
        await outbox.MarkDispatched(["incoming-1"], Token);
        await StoreAndCommit(other, otherOutbox, "incoming-1", []);
        await otherOutbox.MarkDispatched(["incoming-1"], Token);

        Assert.That(await outbox.Purge(Clock.GetUtcNow().AddMinutes(1), Token), Is.EqualTo(1));
        Assert.That(await otherOutbox.Get("incoming-1", cancellationToken: Token), Is.Not.Null);
    }

    private static List<TransportOperation> Operations()
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "out-1",
            [Headers.ContentType] = "application/json",
            ["OrderEats.Custom"] = "ünïcode ✓ \"quoted\"",
        };
        var deliverAt = new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);
        return
        [
            TransportOperation.Send(new OutgoingMessage("out-1", headers, Encoding.UTF8.GetBytes("""{"orderId":"o-1"}""")), "payments", deliverAt),
            TransportOperation.Publish(
                new OutgoingMessage("out-2", new Dictionary<string, string> { [Headers.MessageId] = "out-2" }, new byte[] { 0, 1, 2, 255 }),
                ["OrderEats.Messages.Events.OrderConfirmed", "OrderEats.Messages.Events.IOrderEvent"]),
        ];
    }

    private async Task<(EndpointPersistence Persistence, IOutboxStorage Outbox)> Prepare(TimeProvider? time = null)
    {
        var setup = new PersistenceSetup("contract-outbox-" + Guid.NewGuid().ToString("N")[..12], [], Outbox: true);
        var persistence = await CreatePersistence(setup, time ?? Clock, Token);
        await persistence.Storage.Setup(setup, Token);
        Assert.That(persistence.Outbox, Is.Not.Null, "the persistence under test has no outbox store");
        return (persistence, persistence.Outbox!);
    }

    private async Task StoreAndCommit(EndpointPersistence persistence, IOutboxStorage outbox, string messageId, IReadOnlyList<TransportOperation> operations)
    {
        await using var session = await persistence.Storage.OpenSession(Token);
        await outbox.Store(messageId, operations, session, Token);
        await session.Commit(Token);
    }
}
