using System.Collections.Concurrent;
using OrderEats.Engine.Notifications;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>
/// The state of one scenario: derive from it with the properties your handlers set and your Done condition reads. Handlers get it injected
/// (by its own type or as ScenarioContext). It also records what every endpoint processed, retried and moved to the error queue, and the log.
/// </summary>
public class ScenarioContext
{
    private readonly ConcurrentQueue<(string Endpoint, ProcessedMessage Message)> processed = new();
    private readonly ConcurrentQueue<RetryingMessage> retried = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FailedMessage>> failed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> logs = new();

    internal event Action? Changed;

    /// <summary>True once every endpoint of the scenario has started (before the unconditional When steps run).</summary>
    public bool EndpointsStarted { get; internal set; }

    /// <summary>The messages moved to the error queue, by endpoint name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FailedMessage>> FailedMessages =>
        failed.ToDictionary(p => p.Key, p => (IReadOnlyList<FailedMessage>)[.. p.Value], StringComparer.Ordinal);

    /// <summary>Every message processed successfully, by any endpoint, in completion order.</summary>
    public IReadOnlyList<ProcessedMessage> ProcessedMessages => [.. processed.Select(p => p.Message)];

    /// <summary>Every failed attempt that was retried (immediately or delayed), in order.</summary>
    public IReadOnlyList<RetryingMessage> RetriedMessages => [.. retried];

    /// <summary>The endpoints' log lines (information and above), for diagnosing a scenario that did not finish.</summary>
    public IReadOnlyList<string> Logs => [.. logs];

    /// <summary>True when <paramref name="endpoint"/> processed a message of type <typeparamref name="T"/> (or derived from it).</summary>
    public bool HasProcessed<T>(string? endpoint = null) => processed.Any(p => p.Message.Message is T && (endpoint is null || p.Endpoint == endpoint));

    /// <summary>Tells the runner the context changed outside a handler (a handler's changes are noticed when its message completes).</summary>
    public void MarkChanged() => Changed?.Invoke();

    internal void Processed(ProcessedMessage message)
    {
        processed.Enqueue((message.Endpoint, message));
        MarkChanged();
    }

    internal void Retried(RetryingMessage message)
    {
        retried.Enqueue(message);
        MarkChanged();
    }

    internal void Failed(FailedMessage message)
    {
        failed.GetOrAdd(message.Endpoint, _ => new ConcurrentQueue<FailedMessage>()).Enqueue(message);
        MarkChanged();
    }

    internal void Log(string line) => logs.Enqueue(line);
}
