using OrderEats.Engine;

namespace OrderEats.Kitchen.Commands;

// The order is prepared (auto mode after the prepare time, or sent by the HTTP API). Only the kitchen sends it, to its own queue.
internal sealed record MarkTicketReady(Guid OrderId) : ICommand;
