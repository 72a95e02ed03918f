using OrderEats.Engine;

namespace OrderEats.Kitchen.Commands;

// Manual mode: the kitchen rejects the ticket (sent by the HTTP API). Only the kitchen sends it, to its own queue.
internal sealed record RejectTicket(Guid OrderId, string Reason) : ICommand;
