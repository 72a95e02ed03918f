using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record Pong(Guid TimerId, string Text) : IMessage;
