using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.Console.Tests.Monitoring;

/// <summary>A condition that always reports the same state.</summary>
public sealed class FixedCondition(string name, bool degraded, string detail) : IEndpointCondition
{
    public string Name => name;

    public EndpointConditionReport Report() => new(degraded, detail);
}
