using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;

namespace OrderEats.Kitchen.Handlers;

// Manual mode: the person at the pass accepted the ticket; marking it ready is theirs too.
internal sealed class AcceptTicketHandler(ILogger<AcceptTicketHandler> logger, TimeProvider time) : IHandleMessages<AcceptTicket>
{
    public async Task Handle(AcceptTicket message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var transitions = new TicketTransitions(new TicketWriter(context.Storage, time), logger, context);
        if (await transitions.Move(message.OrderId, TicketStatus.Received, TicketStatus.Accepted))
        {
            await context.Send(new OrderAccepted(message.OrderId));
        }
    }
}
