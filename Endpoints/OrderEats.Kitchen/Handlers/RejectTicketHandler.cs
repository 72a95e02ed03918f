using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;

namespace OrderEats.Kitchen.Handlers;

// Manual mode: the person at the pass rejected the ticket.
internal sealed class RejectTicketHandler(ILogger<RejectTicketHandler> logger, TimeProvider time) : IHandleMessages<RejectTicket>
{
    public async Task Handle(RejectTicket message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var transitions = new TicketTransitions(new TicketWriter(context.Storage, time), logger, context);
        if (await transitions.Move(message.OrderId, TicketStatus.Received, TicketStatus.Rejected, message.Reason))
        {
            await context.Send(new OrderRejected(message.OrderId, message.Reason));
        }
    }
}
