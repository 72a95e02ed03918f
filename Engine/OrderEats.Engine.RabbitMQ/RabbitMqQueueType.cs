namespace OrderEats.Engine.RabbitMQ;

/// <summary>The kind of queue the transport declares for endpoint, error and additional queues.</summary>
public enum RabbitMqQueueType
{
    /// <summary>Replicated, durable Raft-based queues: the default and the right choice for clusters.</summary>
    Quorum,

    /// <summary>Classic durable queues: for brokers or policies that cannot use quorum queues.</summary>
    Classic,
}
