using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Messages.Commands;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// A customer's or the back office's request to cancel: refused by the order's status (CancelRefusal), otherwise CancelOrder is committed to the saga.
internal sealed class OrderCancellation(StartedEndpoint endpoint, OrdersReadModel readModel, ILogger<OrderCancellation> logger)
{
    public async Task<CancelResult> Cancel(Guid orderId, string? reason, CancellationToken cancellationToken)
    {
        var order = await readModel.Get(orderId, cancellationToken);
        if (order is null)
        {
            return new CancelResult(CancelOutcome.NotFound, null, $"There is no order {orderId}. Check the id, or place the order with POST /orders.");
        }

        if (CancelRefusal.For(order) is { } refusal)
        {
            return new CancelResult(CancelOutcome.Conflict, order.Status, refusal);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason.Trim();
        await using (var session = await endpoint.OpenTransactionalSession(cancellationToken))
        {
            await session.Send(new CancelOrder(orderId, why), cancellationToken: cancellationToken);
            await session.Commit(cancellationToken);
        }

        logger.LogInformation("Cancellation of order {OrderId} requested in status {Status}: {Reason}", orderId, order.Status, why);
        return new CancelResult(CancelOutcome.Accepted, order.Status, null);
    }
}
