using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record RestartTimers(Guid TimerId, int DelayInMinutes) : IMessage;
