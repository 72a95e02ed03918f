namespace OrderEats.Engine.Testing;

internal sealed record ReplySimulation(Type SagaMessageType, Func<object, object?> CreateReply);
