namespace OrderEats.ServiceDefaults.Health;

/// <summary>A line a service adds to <c>/health/ready</c> to show its state (for example the admission gate); it does not decide readiness.</summary>
public interface IReadinessReport
{
    /// <summary>The key in the readiness checks, e.g. <c>admission:orders</c>.</summary>
    string Name { get; }

    /// <summary>The current state, one line.</summary>
    string State { get; }
}
