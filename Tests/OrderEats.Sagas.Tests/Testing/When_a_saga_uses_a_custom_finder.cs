using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

[TestFixture]
public class When_a_saga_uses_a_custom_finder
{
    [Test]
    public async Task Should_find_the_instance_through_the_finder()
    {
        var saga = new TestableSaga<ParcelSaga, ParcelSagaData>();
        var parcelId = Guid.NewGuid();
        var start = await saga.Handle(new StartCountdown(parcelId, From: 1));

        var scanned = await saga.Handle(new ParcelScanned(start.SagaId));
        var unknown = await saga.Handle(new ParcelScanned(Guid.NewGuid()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scanned.SagaNotFound, Is.False);
            Assert.That(scanned.SagaDataSnapshot!.Scans, Is.EqualTo(1));
            Assert.That(unknown.SagaNotFound, Is.True);
            Assert.That(saga.GetSagaData(parcelId)!.Scans, Is.EqualTo(1));
        }
    }
}
