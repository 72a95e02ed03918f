namespace OrderEats.Engine.Testing;

// Saga data is kept as JSON, as the real persisters keep it: state that does not survive serialization fails in unit tests too.
internal sealed record StoredSaga(Guid Id, object CorrelationValue, string Data);
