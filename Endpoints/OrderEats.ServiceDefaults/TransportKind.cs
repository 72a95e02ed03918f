namespace OrderEats.ServiceDefaults;

/// <summary>The transports an OrderEats process can run on.</summary>
public enum TransportKind
{
    /// <summary>The file-based learning transport in a local folder (embedded default).</summary>
    Learning,

    /// <summary>RabbitMQ (production).</summary>
    RabbitMq,
}
