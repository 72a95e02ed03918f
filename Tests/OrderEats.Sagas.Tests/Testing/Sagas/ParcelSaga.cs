using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Found through a custom finder for ParcelScanned, which carries the saga's own id instead of the correlation value.
public sealed class ParcelSaga : Saga<ParcelSagaData>, IAmStartedByMessages<StartCountdown>, IHandleMessages<ParcelScanned>
{
    public Task Handle(StartCountdown message, IMessageHandlerContext context) => Task.CompletedTask;

    public Task Handle(ParcelScanned message, IMessageHandlerContext context)
    {
        Data.Scans++;
        return Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<ParcelSagaData> mapper)
    {
        mapper.MapSaga(d => d.ParcelId).ToMessage<StartCountdown>(m => m.CountdownId);
        mapper.ConfigureFinderMapping<ParcelScanned, ParcelBySagaId>();
    }

    public sealed class ParcelBySagaId : ISagaFinder<ParcelSagaData, ParcelScanned>
    {
        public Task<ParcelSagaData?> FindBy(ParcelScanned message, ISagaFinderContext<ParcelSagaData> context, CancellationToken cancellationToken = default) =>
            context.GetById(message.SagaId, cancellationToken);
    }
}
