using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;

namespace OrderEats.Kitchen.Handlers;

// The order is prepared: announced once, whether the prepare timer or a person marked it.
internal sealed class MarkTicketReadyHandler(ILogger<MarkTicketReadyHandler> logger, TimeProvider time) : IHandleMessages<MarkTicketReady>
{
    public async Task Handle(MarkTicketReady message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var transitions = new TicketTransitions(new TicketWriter(context.Storage, time), logger, context);
        if (await transitions.Move(message.OrderId, TicketStatus.Accepted, TicketStatus.Ready))
        {
            await context.Send(new OrderPrepared(message.OrderId));
        }
    }
}
