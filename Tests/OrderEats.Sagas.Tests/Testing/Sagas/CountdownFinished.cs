using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record CountdownFinished(Guid CountdownId, int Steps) : IMessage;
