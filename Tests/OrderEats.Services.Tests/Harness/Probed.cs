using OrderEats.Engine;

namespace OrderEats.Services.Tests.Harness;

/// <summary>Sent by a probe handler in a service's unit of work: it reaches the fake "orders" endpoint only after that unit of work committed.</summary>
public sealed record Probed(string MessageType, Guid OrderId, string MessageId) : ICommand;
