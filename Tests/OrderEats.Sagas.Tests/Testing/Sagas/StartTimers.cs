using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record StartTimers(Guid TimerId, IReadOnlyList<int> DelaysInMinutes, int ChainAfterMinutes = 0) : IMessage;
