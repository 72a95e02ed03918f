namespace OrderEats.Engine.Transport;

/// <summary>
/// Processes one received message. <see cref="ReceiveResult.Ack"/> removes it from the queue (it was processed, or the engine moved it
/// elsewhere durably); <see cref="ReceiveResult.Requeue"/> puts it back for another attempt. A thrown exception counts as Requeue.
/// </summary>
public delegate Task<ReceiveResult> OnMessage(IncomingMessage message, CancellationToken cancellationToken);
