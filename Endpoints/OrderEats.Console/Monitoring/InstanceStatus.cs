namespace OrderEats.Console.Monitoring;

/// <summary>Whether an endpoint instance's heartbeats arrive.</summary>
public enum InstanceStatus
{
    /// <summary>A heartbeat arrived within the grace period.</summary>
    Alive,

    /// <summary>No heartbeat for longer than the grace period.</summary>
    Dead,
}
