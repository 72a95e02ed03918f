using OrderEats.Engine;

namespace OrderEats.Kitchen.Commands;

// Auto mode, after the accept delay: the simulated kitchen accepts or rejects the ticket. Only the kitchen sends it, to its own queue.
internal sealed record ReviewTicket(Guid OrderId) : ICommand;
