namespace OrderEats.Engine.Transport;

/// <summary>An optional transport capability: whether its broker connections are up (for readiness checks).</summary>
public interface ITransportHealth
{
    /// <summary>False while a connection the transport uses is down or not yet opened.</summary>
    bool IsHealthy { get; }

    /// <summary>When the first connection went down, or null while all are up.</summary>
    DateTimeOffset? DisconnectedSince { get; }
}
