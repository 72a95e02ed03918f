using OrderEats.ServiceDefaults.Health;

namespace OrderEats.Orders.Admission;

// The gate's state as a line of /health/ready. Shedding keeps the instance ready: it is healthy and answers every request (503 is the answer).
internal sealed class AdmissionReport(AdmissionGate gate) : IReadinessReport
{
    public string Name => "admission:orders";

    public string State => gate.Describe();
}
