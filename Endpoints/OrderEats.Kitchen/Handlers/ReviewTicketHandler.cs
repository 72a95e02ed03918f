using Microsoft.Extensions.Options;
using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Replies;

namespace OrderEats.Kitchen.Handlers;

// Auto mode: accepts the ticket (and schedules it ready after the prepare time) or rejects it at the rejection rate.
internal sealed class ReviewTicketHandler(IOptionsMonitor<KitchenOptions> options, ILogger<ReviewTicketHandler> logger, TimeProvider time) : IHandleMessages<ReviewTicket>
{
    public async Task Handle(ReviewTicket message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var transitions = new TicketTransitions(new TicketWriter(context.Storage, time), logger, context);
        var current = options.CurrentValue;
        if (Random.Shared.NextDouble() < current.RejectionRate)
        {
            var reason = "The kitchen is too busy to take the order";
            if (await transitions.Move(message.OrderId, TicketStatus.Received, TicketStatus.Rejected, reason))
            {
                await context.Send(new OrderRejected(message.OrderId, reason));
            }

            return;
        }

        if (await transitions.Move(message.OrderId, TicketStatus.Received, TicketStatus.Accepted))
        {
            await context.Send(new OrderAccepted(message.OrderId));
            await context.SendLocal(new MarkTicketReady(message.OrderId), new SendOptions { DeliveryDelay = current.PrepareTime });
        }
    }
}
