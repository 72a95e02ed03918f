using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

/// <summary>A good message: its handler signals that the endpoint still processes.</summary>
public sealed record Probe(string Marker) : ICommand;
