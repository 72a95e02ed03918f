namespace OrderEats.Engine.ConsoleReporting;

/// <summary>What an <see cref="IEndpointCondition"/> reports: whether the endpoint is degraded by it, and one line an operator can read.</summary>
/// <param name="Degraded">True when the condition limits what the endpoint does (the console marks the instance).</param>
/// <param name="Detail">One line for the console, e.g. "shedding: 120 in flight, draining 8/s".</param>
public sealed record EndpointConditionReport(bool Degraded, string Detail);
