namespace OrderEats.Engine.Transport;

/// <summary>What to receive and how much at once.</summary>
/// <param name="Queue">The queue to consume.</param>
/// <param name="MaxConcurrency">The most messages processed at the same time.</param>
/// <param name="ErrorQueue">Where the transport moves a message it cannot even hand to the engine.</param>
public sealed record ReceiveSettings(string Queue, int MaxConcurrency, string ErrorQueue);
