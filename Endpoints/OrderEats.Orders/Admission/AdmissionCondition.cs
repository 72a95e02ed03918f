using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.Orders.Admission;

// The gate's state in every heartbeat, so the console's endpoints page shows an instance that refuses new orders.
internal sealed class AdmissionCondition(AdmissionGate gate) : IEndpointCondition
{
    public const string ConditionName = "Admission";

    public string Name => ConditionName;

    public EndpointConditionReport Report() => new(gate.IsShedding, gate.Describe());
}
