namespace OrderEats.Console.Monitoring;

/// <summary>A saga timeout: its id, type (contract name) and when it is due.</summary>
public sealed record AuditTimeout(Guid TimeoutId, string MessageType, DateTimeOffset Due);
