using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record StartCountdown(Guid CountdownId, int From, TimeSpan? StepDelay = null) : ICommand;
