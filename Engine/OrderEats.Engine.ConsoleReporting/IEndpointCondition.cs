namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// A named condition of the endpoint's process that the console shows beside the instance, such as a gate that refuses work; read on every
/// heartbeat. Register it with <c>ReportCondition</c> on the endpoint configuration.
/// </summary>
public interface IEndpointCondition
{
    /// <summary>The condition's name as operators see it (e.g. "Admission"); unique within the endpoint.</summary>
    string Name { get; }

    /// <summary>The condition now. Called on the heartbeat's thread: keep it cheap and non-blocking.</summary>
    EndpointConditionReport Report();
}
