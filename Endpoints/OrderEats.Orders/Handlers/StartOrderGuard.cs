using System.Globalization;
using Dapper;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Data;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Handlers;

/// <summary>
/// Runs before the order saga on every <see cref="StartOrder"/>, in the same transaction: the saga starts only for an order Orders stored, with the
/// same customer, restaurant and total. A StartOrder that matches no stored order (sent by someone else than Orders) breaks the contract and goes
/// to the error queue; one for an order that has ended already (a late duplicate) is discarded, so no second saga can charge it again.
/// </summary>
internal sealed class StartOrderGuard : IHandleMessages<StartOrder>
{
    public async Task Handle(StartOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var stored = await context.Storage.Connection.QuerySingleOrDefaultAsync<GuardedOrder>(DapperSql.Command(
            "SELECT customer_id AS CustomerId, restaurant_id AS RestaurantId, total AS Total, currency AS Currency, status AS Status FROM orders WHERE id = @OrderId",
            new { message.OrderId },
            context.Storage.Transaction,
            context.CancellationToken));
        if (stored is null)
        {
            throw new MessageContractException(
                $"StartOrder {context.MessageId} names order {message.OrderId}, which Orders never stored. Only Orders sends StartOrder; outside senders send PlaceOrder to the orders queue.");
        }

        var status = Enum.Parse<OrderStatus>(stored.Status);
        if (stored.CustomerId != message.CustomerId || stored.RestaurantId != message.RestaurantId
            || stored.Total != message.Total.Amount || stored.Currency != message.Total.Currency)
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

    private sealed class GuardedOrder
    {
        public Guid CustomerId { get; init; }

        public Guid RestaurantId { get; init; }

        public decimal Total { get; init; }

        public string Currency { get; init; } = string.Empty;

        public string Status { get; init; } = string.Empty;
    }
}
