namespace OrderEats.Engine.Transport;

/// <summary>The topology one endpoint needs.</summary>
/// <param name="EndpointQueue">The endpoint's input queue.</param>
/// <param name="ErrorQueue">The shared error queue.</param>
/// <param name="SubscribedEventTypes">Contract names of the event types the endpoint handles; publishes of these types or of types derived from them reach the endpoint queue.</param>
/// <param name="AdditionalQueues">Further queues to create (e.g. the console's audit queue).</param>
public sealed record TransportSetup(
    string EndpointQueue,
    string ErrorQueue,
    IReadOnlyList<string> SubscribedEventTypes,
    IReadOnlyList<string>? AdditionalQueues = null);
