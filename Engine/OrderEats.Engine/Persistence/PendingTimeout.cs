namespace OrderEats.Engine.Persistence;

/// <summary>A timeout a saga requested that has not fired or been cancelled yet.</summary>
/// <param name="TimeoutId">The timeout's id (the <see cref="Headers.TimeoutId"/> header of the delayed message).</param>
/// <param name="MessageType">The timeout state's contract name.</param>
/// <param name="Due">When it fires.</param>
public sealed record PendingTimeout(Guid TimeoutId, string MessageType, DateTimeOffset Due);
