using Microsoft.Extensions.Options;
using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Commands;

namespace OrderEats.Kitchen.Handlers;

// Opens the order's ticket, once, and never for an order without lines: a repeated PrepareOrder finds it and does nothing. In auto mode the
// review is a delayed message to the kitchen's own queue (not a wait in this handler), so it survives restarts and commits with the ticket.
internal sealed class PrepareOrderHandler(IOptionsMonitor<KitchenOptions> options, ILogger<PrepareOrderHandler> logger, TimeProvider time) : IHandleMessages<PrepareOrder>
{
    public async Task Handle(PrepareOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (message.Lines is not { Count: > 0 })
        {
            // Also a contract rule of PrepareOrder; checked here too, so no configuration can open an empty ticket.
            throw new MessageContractException(
                $"PrepareOrder {context.MessageId} for order {message.OrderId} has no lines: there is nothing to prepare, so no ticket is opened. Only the order saga sends PrepareOrder, with the order's priced lines.",
                ["lines"]);
        }

        var cancellationToken = context.CancellationToken;
        var writer = new TicketWriter(context.Storage, time);
        var existing = await writer.Status(message.OrderId, cancellationToken);
        if (existing is not null)
        {
            logger.LogInformation("Order {OrderId} already has a ticket ({Status}); PrepareOrder {MessageId} changes nothing", message.OrderId, existing, context.MessageId);
            return;
        }

        var current = options.CurrentValue;
        if (current.Mode == KitchenMode.Auto && Random.Shared.NextDouble() < current.IgnoreRate)
        {
            await writer.Create(message.OrderId, message.RestaurantId, TicketStatus.Ignored, cancellationToken);
            logger.LogWarning("Kitchen ignores order {OrderId} (simulated, Kitchen:IgnoreRate = {IgnoreRate}); the saga's kitchen timeout will compensate", message.OrderId, current.IgnoreRate);
            return;
        }

        await writer.Create(message.OrderId, message.RestaurantId, TicketStatus.Received, cancellationToken);
        logger.LogInformation("Ticket for order {OrderId} received ({Lines} lines, {Mode} mode)", message.OrderId, message.Lines.Count, current.Mode);
        if (current.Mode == KitchenMode.Auto)
        {
            await context.SendLocal(new ReviewTicket(message.OrderId), new SendOptions { DeliveryDelay = current.AcceptDelay });
        }
    }
}
