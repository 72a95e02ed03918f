using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record CountDown(Guid CountdownId, int Value, TimeSpan? StepDelay) : ICommand;
