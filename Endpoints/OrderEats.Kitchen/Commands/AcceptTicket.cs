using OrderEats.Engine;

namespace OrderEats.Kitchen.Commands;

// Manual mode: the kitchen accepts the ticket (sent by the HTTP API). Only the kitchen sends it, to its own queue.
internal sealed record AcceptTicket(Guid OrderId) : ICommand;
