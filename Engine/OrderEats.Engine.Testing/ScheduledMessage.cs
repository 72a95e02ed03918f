namespace OrderEats.Engine.Testing;

// A timeout or a delayed send of a message the saga handles, waiting on the virtual clock.
internal sealed record ScheduledMessage(Guid TimeoutId, Guid SagaId, object Message, IReadOnlyDictionary<string, string> Headers, DateTimeOffset Due, bool IsTimeout);
