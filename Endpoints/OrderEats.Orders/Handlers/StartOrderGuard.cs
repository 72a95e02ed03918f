using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Data;

namespace OrderEats.Orders.Handlers;

/// <summary>
/// Runs before the order saga on every <see cref="StartOrder"/>, in the same transaction: the saga starts only for an order Orders stored, with the
/// same customer, restaurant and total. A StartOrder that matches no stored order (sent by someone else than Orders) breaks the contract and goes
/// to the error queue; one for an order that has ended already (a late duplicate) is discarded, so no second saga can charge it again.
/// </summary>
internal sealed class StartOrderGuard(OrdersDatabase database) : IHandleMessages<StartOrder>
{
    public async Task Handle(StartOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        await using var command = database.Command(
            context.Storage.Connection, context.Storage.Transaction, "SELECT customer_id, restaurant_id, total, currency, status FROM orders WHERE id = @id", ("@id", message.OrderId));
        await using var reader = await command.ExecuteReaderAsync(context.CancellationToken);
        if (!await reader.ReadAsync(context.CancellationToken))
        {
            throw new MessageContractException(
                $"StartOrder {context.MessageId} names order {message.OrderId}, which Orders never stored. Only Orders sends StartOrder; outside senders send PlaceOrder to the orders queue.");
        }

        var status = Enum.Parse<OrderStatus>(reader.GetString(4));
        if (OrdersDatabase.ReadGuid(reader, 0) != message.CustomerId || OrdersDatabase.ReadGuid(reader, 1) != message.RestaurantId
            || OrdersDatabase.ReadDecimal(reader, 2) != message.Total.Amount || reader.GetString(3) != message.Total.Currency)
        {
            throw new MessageContractException(string.Create(
                CultureInfo.InvariantCulture,
                $"StartOrder {context.MessageId} for order {message.OrderId} does not match the stored order (customer, restaurant or total {message.Total.Amount} {message.Total.Currency}). Only Orders sends StartOrder; outside senders send PlaceOrder."));
        }

        if (OrderStatusRules.IsTerminal(status))
        {
            throw new StaleStartOrderException($"StartOrder {context.MessageId} for order {message.OrderId} arrived after the order ended ({status}); discarded, the order is not started again.");
        }
    }
}
