using OrderEats.Engine.Sagas;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_a_saga_is_declared_wrongly
{
    [Test]
    public void Should_name_the_saga_the_message_and_the_fix_for_a_missing_mapping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(UnmappedSaga)));
        Assert.That(error!.Message, Is.EqualTo(
            "Saga UnmappedSaga has no mapping for message CancelIt. Add `.ToMessage<CancelIt>(m => m.OrderId)` in ConfigureHowToFindSaga."));
    }

    [Test]
    public void Should_require_a_correlation_property()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(NoCorrelationSaga)));
        Assert.That(error!.Message, Does.Contain("NoCorrelationSaga").And.Contain("mapper.MapSaga"));
    }

    [Test]
    public void Should_reject_a_correlation_property_of_an_unsupported_type()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(DateCorrelatedSaga)));
        Assert.That(error!.Message, Does.Contain("Guid, string, int or long"));
    }

    [Test]
    public void Should_require_a_message_that_starts_the_saga()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(NeverStartedSaga)));
        Assert.That(error!.Message, Does.Contain("IAmStartedByMessages"));
    }

    [Test]
    public void Should_read_mappings_and_starters_of_a_valid_saga()
    {
        var metadata = SagaMetadata.Create(typeof(ValidSaga));
        var id = Guid.NewGuid();
        Assert.Multiple(() =>
        {
            Assert.That(metadata.Name, Is.EqualTo("OrderEats.Engine.Tests.Sagas.When_a_saga_is_declared_wrongly.ValidSaga"));
            Assert.That(metadata.Storage.TableName, Is.EqualTo("ValidSaga"));
            Assert.That(metadata.Storage.CorrelationType, Is.EqualTo(typeof(Guid)));
            Assert.That(metadata.IsStartedBy(typeof(StartIt)), Is.True);
            Assert.That(metadata.IsStartedBy(typeof(CancelIt)), Is.False);
            Assert.That(metadata.ReadCorrelationValue(new CancelIt(id)), Is.EqualTo(id));
        });
    }

    [Test]
    public void Should_refuse_a_message_without_a_correlation_value()
    {
        var metadata = SagaMetadata.Create(typeof(ValidSaga));
        var error = Assert.Throws<MessageContractException>(() => metadata.ReadCorrelationValue(new StartIt(Guid.Empty)));
        Assert.That(error!.Message, Does.Contain("StartIt").And.Contain("OrderId"));
    }

    [Test]
    public void Should_require_a_correlation_mapping_for_a_start_message_found_by_a_finder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(StartFoundByFinderSaga)));
        Assert.That(error!.Message, Does.Contain("StartIt").And.Contain("StartFinder").And.Contain(".ToMessage<StartIt>(m => m.OrderId)"));
    }

    [Test]
    public void Should_refuse_a_finder_for_a_message_the_saga_does_not_handle()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaMetadata.Create(typeof(StrayFinderSaga)));
        Assert.That(error!.Message, Does.Contain("finder for message CancelIt but does not handle it"));
    }

    [Test]
    public void Should_accept_a_handled_message_that_only_a_finder_maps()
    {
        var metadata = SagaMetadata.Create(typeof(CancelFoundByFinderSaga));
        Assert.That(metadata.FinderFor(typeof(CancelIt))?.FinderType, Is.EqualTo(typeof(CancelFinder)));
    }

    public sealed record StartIt(Guid OrderId) : ICommand;

    public sealed record CancelIt(Guid OrderId) : ICommand;

    public sealed class Data : ContainSagaData
    {
        public Guid OrderId { get; set; }

        public DateTime When { get; set; }
    }

    public sealed class ValidSaga : Saga<Data>, IAmStartedByMessages<StartIt>, IHandleMessages<CancelIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        public Task Handle(CancelIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper) =>
            mapper.MapSaga(d => d.OrderId).ToMessage<StartIt>(m => m.OrderId).ToMessage<CancelIt>(m => m.OrderId);
    }

    public sealed class UnmappedSaga : Saga<Data>, IAmStartedByMessages<StartIt>, IHandleMessages<CancelIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        public Task Handle(CancelIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper) =>
            mapper.MapSaga(d => d.OrderId).ToMessage<StartIt>(m => m.OrderId);
    }

    public sealed class NoCorrelationSaga : Saga<Data>, IAmStartedByMessages<StartIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper)
        {
        }
    }

    public sealed class DateCorrelatedSaga : Saga<Data>, IAmStartedByMessages<StartIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper) =>
            mapper.MapSaga(d => d.When).ToMessage<StartIt>(m => m.OrderId);
    }

    public sealed class NeverStartedSaga : Saga<Data>, IHandleMessages<CancelIt>
    {
        public Task Handle(CancelIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper) =>
            mapper.MapSaga(d => d.OrderId).ToMessage<CancelIt>(m => m.OrderId);
    }

    public sealed class StartFinder : ISagaFinder<Data, StartIt>
    {
        public Task<Data?> FindBy(StartIt message, ISagaFinderContext<Data> context, CancellationToken cancellationToken = default) => Task.FromResult<Data?>(null);
    }

    public sealed class CancelFinder : ISagaFinder<Data, CancelIt>
    {
        public Task<Data?> FindBy(CancelIt message, ISagaFinderContext<Data> context, CancellationToken cancellationToken = default) =>
            context.GetByCorrelationValue(message.OrderId, cancellationToken);
    }

    public sealed class StartFoundByFinderSaga : Saga<Data>, IAmStartedByMessages<StartIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper)
        {
            mapper.MapSaga(d => d.OrderId);
            mapper.ConfigureFinderMapping<StartIt, StartFinder>();
        }
    }

    public sealed class StrayFinderSaga : Saga<Data>, IAmStartedByMessages<StartIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper)
        {
            mapper.MapSaga(d => d.OrderId).ToMessage<StartIt>(m => m.OrderId);
            mapper.ConfigureFinderMapping<CancelIt, CancelFinder>();
        }
    }

    public sealed class CancelFoundByFinderSaga : Saga<Data>, IAmStartedByMessages<StartIt>, IHandleMessages<CancelIt>
    {
        public Task Handle(StartIt message, IMessageHandlerContext context) => Task.CompletedTask;

        public Task Handle(CancelIt message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<Data> mapper)
        {
            mapper.MapSaga(d => d.OrderId).ToMessage<StartIt>(m => m.OrderId);
            mapper.ConfigureFinderMapping<CancelIt, CancelFinder>();
        }
    }
}
