using System.Text;
using System.Threading.Channels;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.TransactionalSession;

/// <summary>
/// A transactional session (outbox, in-memory persistence, learning transport): messages leave only after the commit, never without it, and a
/// commit whose dispatch failed is completed by the endpoint's control message; a session that takes longer than the maximum commit duration
/// is refused at its late commit.
/// </summary>
[TestFixture]
public class When_a_transactional_session_commits
{
    private const string Endpoint = "acc-session";
    private const string Destination = "acc-session-out";
    private EndpointHarness harness = null!;
    private ChannelReader<IncomingMessage> delivered = null!;
    private FailingDispatchTransport transport = null!;
    private GatedOutbox outbox = null!;
    private EndpointInstance endpoint = null!;

    [SetUp]
    public async Task Start()
    {
        harness = new EndpointHarness();
        delivered = await harness.Watch(Destination);
        endpoint = await harness.Start(Endpoint, c =>
        {
            var learning = c.TransportFactory!;
            c.UseTransport(services => transport = new FailingDispatchTransport(learning(services)));
            var persistence = c.PersistenceFactory!;
            c.UsePersistence(services =>
            {
                var inner = persistence(services);
                outbox = new GatedOutbox(inner.Outbox!);
                return inner with { Outbox = outbox };
            });
            c.EnableOutbox();
            c.Routing.RouteToEndpoint<Shipped>(Destination);
            c.TransactionalSession.CommitDelay = TimeSpan.FromMilliseconds(100);
            c.TransactionalSession.MaxCommitDuration = TimeSpan.FromMilliseconds(600);
        });
    }

    [TearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Should_dispatch_the_messages_once_committed()
    {
        await using (var session = await endpoint.OpenTransactionalSession())
        {
            await session.Send(new Shipped("p-1"));
            Assert.That(transport.SentTo(Destination), Is.Zero, "nothing leaves before the commit");
            await session.Commit();
        }

        var message = await delivered.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        Assert.That(Encoding.UTF8.GetString(message.Body.Span), Is.EqualTo("{\"parcel\":\"p-1\"}"));
    }

    [Test]
    public async Task Should_send_nothing_when_disposed_without_a_commit()
    {
        await using (var session = await endpoint.OpenTransactionalSession())
        {
            await session.Send(new Shipped("p-2"));
        }

        await using (var next = await endpoint.OpenTransactionalSession())
        {
            await next.Send(new Shipped("p-3"));
            await next.Commit();
        }

        var message = await delivered.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        Assert.That(Encoding.UTF8.GetString(message.Body.Span), Does.Contain("p-3"), "the first message of the queue is the committed session's; the rolled-back one never left");
    }

    [Test]
    public async Task Should_dispatch_a_committed_session_whose_own_dispatch_failed_exactly_once()
    {
        transport.FailSendsTo = Destination;
        await using (var session = await endpoint.OpenTransactionalSession())
        {
            await session.Send(new Shipped("p-4"));
            await session.Commit();
        }

        Assert.That(transport.SentTo(Destination), Is.Zero, "the session's own dispatch failed");
        transport.FailSendsTo = null;
        var message = await delivered.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        Assert.That(Encoding.UTF8.GetString(message.Body.Span), Does.Contain("p-4"), "the control message dispatched the committed record");

        await using (var next = await endpoint.OpenTransactionalSession())
        {
            await next.Send(new Shipped("p-4b"));
            await next.Commit();
        }

        var after = await delivered.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        Assert.Multiple(() =>
        {
            Assert.That(Encoding.UTF8.GetString(after.Body.Span), Does.Contain("p-4b"));
            Assert.That(transport.SentTo(Destination), Is.EqualTo(2), "the repaired session was dispatched once");
        });
    }

    [Test]
    public async Task Should_refuse_a_commit_that_comes_after_the_maximum_commit_duration()
    {
        var gate = outbox.HoldNextStore();
        await using var session = await endpoint.OpenTransactionalSession();
        await session.Send(new Shipped("p-5"));
        var commit = session.Commit();

        // The control message finds no committed record until the maximum commit duration passed, then records the session as abandoned.
        await outbox.Abandoned.Task.WaitAsync(Signals.Timeout);
        gate.SetResult();

        Assert.ThrowsAsync<InvalidOperationException>(async () => await commit.WaitAsync(Signals.Timeout));
        Assert.That(transport.SentTo(Destination), Is.Zero, "a refused commit sends nothing");
    }

    [Test]
    public void Should_say_what_to_configure_without_the_outbox()
    {
        Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            var plain = await harness.Start("acc-session-plain", _ => { });
            await plain.OpenTransactionalSession();
        }, "needs the outbox");
    }

    public sealed record Shipped(string Parcel) : ICommand;
}
