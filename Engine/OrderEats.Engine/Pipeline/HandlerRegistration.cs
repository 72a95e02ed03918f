using OrderEats.Engine.Sagas;

namespace OrderEats.Engine.Pipeline;

/// <summary>One handler method: the handler type, how to call it, and its saga if it is one.</summary>
internal sealed record HandlerRegistration(Type HandlerType, IHandlerInvoker Invoker, SagaMetadata? Saga);
