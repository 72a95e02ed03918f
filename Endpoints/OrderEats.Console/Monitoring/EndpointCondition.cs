namespace OrderEats.Console.Monitoring;

/// <summary>
/// A condition an endpoint instance reports about itself in its heartbeat, such as "Admission" (Orders refusing new orders); the console
/// keeps the latest of each instance and marks the instance while one is degraded.
/// </summary>
public sealed record EndpointCondition(string Name, bool Degraded, string Detail);
