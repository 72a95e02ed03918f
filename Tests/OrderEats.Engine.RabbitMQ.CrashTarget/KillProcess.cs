using OrderEats.Engine;

namespace OrderEats.Engine.RabbitMQ.CrashTarget;

/// <summary>The poison message: whoever handles it dies.</summary>
/// <param name="Reason">Why, for the test's log.</param>
public sealed record KillProcess(string Reason) : ICommand;
