namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record Tick(int Minutes, int ChainAfterMinutes);
