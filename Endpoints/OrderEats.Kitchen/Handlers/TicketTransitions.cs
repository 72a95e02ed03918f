using OrderEats.Engine;
using OrderEats.Kitchen.Tickets;

namespace OrderEats.Kitchen.Handlers;

// One guarded status change with its log line; a refused change (repeat, race, wrong state) is logged and nothing is sent.
internal sealed class TicketTransitions(TicketWriter writer, ILogger logger, IMessageHandlerContext context)
{
    public async Task<bool> Move(Guid orderId, string from, string to, string? reason = null)
    {
        if (await writer.Move(orderId, from, to, reason, context.CancellationToken))
        {
            logger.LogInformation("Ticket for order {OrderId}: {From} → {To}", orderId, from, to);
            return true;
        }

        var status = await writer.Status(orderId, context.CancellationToken);
        logger.LogWarning(
            "Ticket for order {OrderId} is {Status}, not {From}; message {MessageId} cannot move it to {To} and is ignored",
            orderId, status ?? "missing", from, context.MessageId, to);
        return false;
    }
}
