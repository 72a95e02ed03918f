namespace OrderEats.Engine.Testing;

/// <summary>A timeout a saga instance requested that has neither fired nor been cancelled.</summary>
/// <param name="TimeoutId">The timeout's id.</param>
/// <param name="SagaId">The saga instance it returns to.</param>
/// <param name="State">The timeout state passed to <c>IHandleTimeouts&lt;T&gt;.Timeout</c>.</param>
/// <param name="Due">When it fires, on the testable saga's virtual clock.</param>
public sealed record PendingSagaTimeout(Guid TimeoutId, Guid SagaId, object State, DateTimeOffset Due);
