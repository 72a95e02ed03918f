namespace OrderEats.Engine.Transport;

/// <summary>What the transport does with a message once the engine is done with it.</summary>
public enum ReceiveResult
{
    /// <summary>Remove the message from the queue.</summary>
    Ack,

    /// <summary>Return the message to the queue for another attempt.</summary>
    Requeue,
}
