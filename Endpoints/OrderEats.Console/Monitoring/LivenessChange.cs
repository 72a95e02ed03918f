namespace OrderEats.Console.Monitoring;

/// <summary>An instance started reporting, went silent past the grace period, came back, or was replaced by a restarted process on the same host.</summary>
internal sealed record LivenessChange(string Kind, string Endpoint, string Host, string InstanceId, DateTimeOffset LastSeen)
{
    public const string Appeared = "EndpointStarted";
    public const string Lost = "HeartbeatLost";
    public const string Restored = "HeartbeatRestored";
    public const string Replaced = "EndpointRestarted";
}
