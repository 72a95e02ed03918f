using OrderEats.Engine.InMemory;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Tests.Acceptance;

[TestFixture]
public class When_a_saga_message_changes_nothing
{
    [Test]
    public async Task Should_not_update_the_stored_state()
    {
        await using var harness = new EndpointHarness();
        var store = new InMemoryStore();
        var persister = new CountingPersister(new InMemorySagaPersister(store));
        var endpoint = await harness.Start("acc-unchanged", c =>
        {
            c.MaxConcurrency = 1;
            c.AddHandler<TallySaga>();
            c.UsePersistence(_ => new EndpointPersistence(new InMemoryStorage(store), persister, null));
        });
        var id = Guid.NewGuid();

        await endpoint.Send(new Count(id, Change: true), new SendOptions { Destination = "acc-unchanged" });
        await endpoint.Send(new Count(id, Change: false), new SendOptions { Destination = "acc-unchanged" });
        await endpoint.Send(new Count(id, Change: false), new SendOptions { Destination = "acc-unchanged" });
        await endpoint.Send(new Count(id, Change: true), new SendOptions { Destination = "acc-unchanged" });

        // One at a time: once the fifth message is in its handler, the fourth has been saved.
        await endpoint.Send(new Count(id, Change: false), new SendOptions { Destination = "acc-unchanged" });
        await harness.Signals.WaitFor("counted-5");

        Assert.Multiple(() =>
        {
            Assert.That(persister.Inserts, Is.EqualTo(1));
            Assert.That(persister.Updates, Is.EqualTo(1), "only the second changing message wrote; the two that changed nothing did not");
        });
    }

    public sealed record Count(Guid Id, bool Change) : ICommand;

    public sealed class TallyData : ContainSagaData
    {
        public Guid Id2 { get; set; }

        public int Changes { get; set; }
    }

    public sealed class TallySaga(Signals signals) : Saga<TallyData>, IAmStartedByMessages<Count>
    {
        public Task Handle(Count message, IMessageHandlerContext context)
        {
            if (message.Change)
            {
                Data.Changes++;
            }

            signals.Set("counted-" + signals.Increment("counted"));
            return Task.CompletedTask;
        }

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TallyData> mapper) =>
            mapper.MapSaga(d => d.Id2).ToMessage<Count>(m => m.Id);
    }

    private sealed class CountingPersister(ISagaPersister inner) : ISagaPersister
    {
        private int inserts;
        private int updates;

        public int Inserts => inserts;

        public int Updates => updates;

        public Task<SagaRecord?> Get(SagaStorageDefinition saga, Guid sagaId, IUnitOfWork session, CancellationToken cancellationToken = default) =>
            inner.Get(saga, sagaId, session, cancellationToken);

        public Task<SagaRecord?> Find(SagaStorageDefinition saga, object correlationValue, IUnitOfWork session, CancellationToken cancellationToken = default) =>
            inner.Find(saga, correlationValue, session, cancellationToken);

        public Task Insert(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref inserts);
            return inner.Insert(saga, record, session, cancellationToken);
        }

        public Task Update(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref updates);
            return inner.Update(saga, record, session, cancellationToken);
        }

        public Task Delete(SagaStorageDefinition saga, SagaRecord record, IUnitOfWork session, CancellationToken cancellationToken = default) =>
            inner.Delete(saga, record, session, cancellationToken);
    }
}
