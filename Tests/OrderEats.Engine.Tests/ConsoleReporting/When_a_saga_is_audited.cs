using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_a_saga_is_audited
{
    private EndpointHarness harness = null!;
    private AuditReader audit = null!;
    private Hosting.EndpointInstance endpoint = null!;

    [SetUp]
    public async Task SetUp()
    {
        harness = new EndpointHarness();
        audit = new AuditReader(await harness.Watch("mon-audit"));
        endpoint = await harness.Start("mon-tabs", c =>
        {
            c.MaxConcurrency = 1;
            c.AddHandler<TabSaga>();
            c.AuditSagasTo("mon-audit");
        });
    }

    [TearDown]
    public async Task TearDown() => await harness.DisposeAsync();

    [Test]
    public async Task Should_record_the_start_with_no_state_before_the_outgoing_messages_and_the_requested_timeout()
    {
        var tab = Guid.NewGuid();
        await endpoint.Send(new OpenTab(tab), new SendOptions { Destination = "mon-tabs" });

        var entry = await audit.Next();
        Assert.Multiple(() =>
        {
            Assert.That(entry.SagaType, Is.EqualTo(typeof(TabSaga).FullName!.Replace('+', '.')));
            Assert.That(entry.CorrelationValue, Is.EqualTo(tab.ToString()));
            Assert.That(entry.IsNew, Is.True);
            Assert.That(entry.StateBefore, Is.Null);
            Assert.That(entry.StateAfter, Does.Contain(tab.ToString()));
            Assert.That(entry.Incoming.MessageType, Does.EndWith(nameof(OpenTab)));
            Assert.That(entry.Endpoint, Is.EqualTo("mon-tabs"));
            Assert.That(entry.Outgoing.Select(m => m.MessageType.Split('.')[^1]), Is.EquivalentTo(new List<string> { nameof(TabExpired), nameof(TabOpened) }));
            Assert.That(entry.TimeoutsRequested, Has.Count.EqualTo(1));
            Assert.That(entry.PendingTimeouts.Single().TimeoutId, Is.EqualTo(entry.TimeoutsRequested[0].TimeoutId));
            Assert.That(entry.Outgoing.Single(m => m.TimeoutId is not null).TimeoutId, Is.EqualTo(entry.TimeoutsRequested[0].TimeoutId.ToString()));
        });
    }

    [Test]
    public async Task Should_record_the_state_before_and_after_each_update_and_the_cancelled_timeout_on_completion()
    {
        var tab = Guid.NewGuid();
        await endpoint.Send(new OpenTab(tab), new SendOptions { Destination = "mon-tabs" });
        var opened = await audit.Next();
        await endpoint.Send(new AddItem(tab, 7), new SendOptions { Destination = "mon-tabs" });
        var added = await audit.Next();
        await endpoint.Send(new CloseTab(tab), new SendOptions { Destination = "mon-tabs" });
        var closed = await audit.Next();

        Assert.Multiple(() =>
        {
            Assert.That(added.SagaId, Is.EqualTo(opened.SagaId));
            Assert.That(added.StateBefore, Does.Contain("\"total\":0"));
            Assert.That(added.StateAfter, Does.Contain("\"total\":7"));
            Assert.That(added.PendingTimeouts, Has.Count.EqualTo(1), "still pending");
            Assert.That(closed.Completed, Is.True);
            Assert.That(closed.StateAfter, Does.Contain("\"state\":1"));
            Assert.That(closed.TimeoutsCancelled.Single().TimeoutId, Is.EqualTo(opened.TimeoutsRequested[0].TimeoutId));
            Assert.That(closed.PendingTimeouts, Is.Empty);
        });
    }

    [Test]
    public async Task Should_cancel_a_pending_timeout_on_the_consoles_request_and_audit_it()
    {
        var tab = Guid.NewGuid();
        await endpoint.Send(new OpenTab(tab), new SendOptions { Destination = "mon-tabs" });
        var opened = await audit.Next();
        var timeout = opened.TimeoutsRequested[0];

        await harness.RawTransport().Dispatch([CancelRequest(opened.SagaType, opened.SagaId, timeout.TimeoutId)]);
        var cancelled = await audit.Next();
        await endpoint.Send(new AddItem(tab, 1), new SendOptions { Destination = "mon-tabs" });
        var after = await audit.Next();

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Incoming.MessageType, Is.EqualTo("CancelSagaTimeout"));
            Assert.That(cancelled.TimeoutsCancelled.Single().TimeoutId, Is.EqualTo(timeout.TimeoutId));
            Assert.That(cancelled.PendingTimeouts, Is.Empty);
            Assert.That(cancelled.Note, Does.Contain("ops-anna"));
            Assert.That(after.PendingTimeouts, Is.Empty, "the saga was saved without the timeout, so it is dropped when it fires");
        });
    }

    private static Transport.TransportOperation CancelRequest(string sagaType, Guid sagaId, Guid timeoutId)
    {
        var id = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.ControlMessage] = "CancelSagaTimeout",
            [Headers.SagaType] = sagaType,
            [Headers.SagaId] = sagaId.ToString(),
            [Headers.TimeoutId] = timeoutId.ToString(),
            [Headers.Prefix + "CancelledBy"] = "ops-anna",
        };
        return Transport.TransportOperation.Send(new Transport.OutgoingMessage(id, headers, "{}"u8.ToArray()), "mon-tabs");
    }
}
