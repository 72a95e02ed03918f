using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record Ping(Guid TimerId) : IMessage;
