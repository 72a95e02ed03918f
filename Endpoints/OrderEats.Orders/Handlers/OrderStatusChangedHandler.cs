using Dapper;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Events;
using OrderEats.Orders.Data;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Handlers;

/// <summary>
/// Keeps the read model in step with the saga, in the message's own transaction: appends the status to the order's timeline once
/// (keyed by order and status, so a duplicate adds nothing) and moves the order's status forward only (an event arriving late, or after the
/// order ended, leaves the status alone).
/// </summary>
internal sealed class OrderStatusChangedHandler(OrderChangeTracker tracker, ILogger<OrderStatusChangedHandler> logger)
    : IHandleMessages<OrderStatusChanged>
{
    public async Task Handle(OrderStatusChanged message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var status = message.Status.ToString();

        // The other end (Completed vs Cancelled) can never follow an ended order, so such an event is not history and is not recorded.
        var otherEnd = message.Status switch
        {
            OrderStatus.Completed => nameof(OrderStatus.Cancelled),
            OrderStatus.Cancelled => nameof(OrderStatus.Completed),
            _ => null,
        };
        // One round trip: the timeline insert, then (for a status that has predecessors) the forward-only status move.
        var sql = "INSERT INTO order_timeline (order_id, status, changed_at, reason) SELECT @id, @status, @at, @reason " +
            "WHERE NOT EXISTS (SELECT 1 FROM order_timeline WHERE order_id = @id AND status = @status) " +
            "AND NOT EXISTS (SELECT 1 FROM orders WHERE id = @id AND status = @otherEnd)";
        var parameters = new DynamicParameters(new { id = message.OrderId, status, at = message.At, reason = message.Reason, otherEnd });
        var predecessors = OrderStatusRules.Predecessors(message.Status);
        if (predecessors.Count > 0)
        {
            var names = predecessors.Select((_, i) => "@from" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            sql += $"; UPDATE orders SET status = @status, reason = @reason, updated_at = @at WHERE id = @id AND status IN ({string.Join(", ", names)})";
            for (var i = 0; i < predecessors.Count; i++)
            {
                parameters.Add(names[i], predecessors[i].ToString());
            }
        }

        var changed = await context.Storage.Connection.ExecuteAsync(DapperSql.Command(sql, parameters, context.Storage.Transaction, context.CancellationToken));
        if (changed > 0)
        {
            tracker.Record(message.OrderId, message.Status);
        }

        logger.LogInformation(
            "Order {OrderId} reached {Status}: {Outcome}", message.OrderId, message.Status, changed > 0 ? "recorded" : "already recorded (or superseded)");
    }
}
