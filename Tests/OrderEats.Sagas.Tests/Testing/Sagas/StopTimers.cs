using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record StopTimers(Guid TimerId, bool Complete) : IMessage;
