using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.Engine.Tests.ConsoleReporting;

/// <summary>A condition the test turns degraded (or broken) between heartbeats.</summary>
public sealed class SwitchableCondition(string name) : IEndpointCondition
{
    private volatile EndpointConditionReport current = new(false, "open");

    public string Name => name;

    public bool Throws { get; set; }

    public void Set(bool degraded, string detail) => current = new EndpointConditionReport(degraded, detail);

    public EndpointConditionReport Report() => Throws ? throw new InvalidOperationException("the gate's counters are not ready") : current;
}
