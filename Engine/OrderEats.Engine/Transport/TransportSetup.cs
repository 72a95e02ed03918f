namespace OrderEats.Engine.Transport;

/// <summary>The topology one endpoint needs.</summary>
/// <param name="EndpointQueue">The endpoint's input queue.</param>
/// <param name="ErrorQueue">The shared error queue.</param>
/// <param name="SubscribedEventTypes">Contract names of the event types the endpoint handles; publishes of these types or of types derived from them reach the endpoint queue.</param>
/// <param name="AdditionalQueues">Further queues to create (e.g. the console's audit queue).</param>
/// <param name="UnsubscribedEventTypes">Contract names of event types the endpoint must no longer receive (it handles its own inline); a subscription an earlier version made is removed.</param>
public sealed record TransportSetup(
    string EndpointQueue,
    string ErrorQueue,
    IReadOnlyList<string> SubscribedEventTypes,
    IReadOnlyList<string>? AdditionalQueues = null,
    IReadOnlyList<string>? UnsubscribedEventTypes = null);
