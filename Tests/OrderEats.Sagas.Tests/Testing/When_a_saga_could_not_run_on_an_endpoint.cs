using OrderEats.Engine.Sagas;
using OrderEats.Engine.Testing;
using OrderEats.Sagas.Tests.Testing.Sagas;

namespace OrderEats.Sagas.Tests.Testing;

// TestableSaga validates with the engine's own saga metadata: a saga an endpoint refuses at startup fails its first test, with the same words.
[TestFixture]
public class When_a_saga_could_not_run_on_an_endpoint
{
    [Test]
    public void Should_refuse_a_saga_that_no_message_starts()
    {
        var testing = Assert.Throws<InvalidOperationException>(() => _ = new TestableSaga<NeverStartedSaga, CountdownSagaData>());
        var endpoint = Assert.Throws<InvalidOperationException>(() => SagaStorageDefinitions.Describe(typeof(NeverStartedSaga)));

        Assert.That(testing!.Message, Is.EqualTo(endpoint!.Message).And.Contain("IAmStartedByMessages"));
    }

    [Test]
    public void Should_refuse_a_correlation_property_without_a_public_setter()
    {
        var testing = Assert.Throws<InvalidOperationException>(() => _ = new TestableSaga<ReadOnlyKeySaga, ReadOnlyKeySaga.KeyData>());
        var endpoint = Assert.Throws<InvalidOperationException>(() => SagaStorageDefinitions.Describe(typeof(ReadOnlyKeySaga)));

        Assert.That(testing!.Message, Is.EqualTo(endpoint!.Message).And.Contain("public setter"));
    }
}
