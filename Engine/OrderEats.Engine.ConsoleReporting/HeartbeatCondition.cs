namespace OrderEats.Engine.ConsoleReporting;

/// <summary>One condition as a heartbeat carries it.</summary>
internal sealed record HeartbeatCondition(string Name, bool Degraded, string Detail);
