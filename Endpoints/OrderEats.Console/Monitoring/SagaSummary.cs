namespace OrderEats.Console.Monitoring;

/// <summary>One saga instance as listed: type, correlation value (the order id for OrderSaga), state and age.</summary>
public sealed record SagaSummary(
    Guid SagaId, string SagaType, string Correlation, string Endpoint, string? State, bool Completed, DateTimeOffset Started, DateTimeOffset Updated, int PendingTimeouts);
