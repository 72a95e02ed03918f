using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Serialization;

namespace OrderEats.Engine.Testing;

// How the engine's SagaInvoker runs a saga for TestableSaga: the saga comes from the test's factory, and its handlers get the test's recording
// context, whose requested timeouts join the instance's pending list (as SagaHandlerContext does on an endpoint) with a due time on the virtual clock.
internal sealed class TestingSagaRuntime(Func<Saga> factory, Func<DateTimeOffset> now) : ISagaRuntime
{
    public TestableMessageHandlerContext? Context { get; set; }

    public Saga CreateSaga(SagaMetadata saga, IncomingContext context) =>
        factory() ?? throw new InvalidOperationException($"The factory given to the TestableSaga of {saga.SagaType.Name} returned null; return a new saga object.");

    public IMessageHandlerContext CreateContext(IncomingContext context, SagaMetadata saga, Guid sagaId, List<PendingTimeout> pendingTimeouts)
    {
        var testContext = Context!;
        testContext.Clock = now;
        testContext.OnAborted = () => context.HandlerInvocationAborted = true;
        testContext.OnTimeoutRequested = timeout =>
        {
            if (timeout.TimeoutId != Guid.Empty)
            {
                pendingTimeouts.Add(new PendingTimeout(timeout.TimeoutId, MessageTypeRegistry.ContractName(timeout.Message.GetType()), Due(timeout.Options)));
            }
        };
        return testContext;
    }

    /// <summary>When a timeout or delayed send is due on the virtual clock: a delay counts from the virtual now, a time is taken as given.</summary>
    public DateTimeOffset Due(SendOptions options) => options.DeliveryDelay is { } delay ? now() + delay : options.DeliverAt ?? now();
}
