using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

public sealed record ParcelScanned(Guid SagaId) : IMessage;
