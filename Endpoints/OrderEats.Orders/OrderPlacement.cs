using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Placement;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders;

/// <summary>
/// The HTTP edge of placing and cancelling orders. A placement goes through the same path as a <see cref="PlaceOrder"/> message (validated, priced
/// from the menu, stored); the order row and the message that starts its saga commit in one transactional session, so an accepted order always
/// starts, even if the process dies right after the commit.
/// </summary>
public sealed class OrderPlacement
{
    private const int Attempts = 2;
    private readonly StartedEndpoint endpoint;
    private readonly OrdersReadModel readModel;
    private readonly ILogger<OrderPlacement> logger;

    internal OrderPlacement(StartedEndpoint endpoint, OrderIntake intake, OrdersReadModel readModel, ILogger<OrderPlacement> logger)
    {
        this.endpoint = endpoint;
        Intake = intake;
        this.readModel = readModel;
        this.logger = logger;
    }

    internal OrderIntake Intake { get; }

    /// <summary>
    /// Validates the order, prices its lines from the restaurant's menu (never from the client), stores it as Submitted and starts the order saga,
    /// in one commit. Idempotent by <see cref="PlaceOrderRequest.OrderId"/>: the same request again returns the stored order; different content
    /// under the same id is a conflict. Nothing is stored for an invalid request.
    /// </summary>
    public async Task<PlaceOrderResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orderRequest = OrderRequests.From(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlaceOnce(orderRequest, cancellationToken);
            }
            catch (DbException ex) when (attempt < Attempts)
            {
                // Two requests with the same order id at once: the primary key lets one in; the other, run again, finds it and answers as a repeat.
                logger.LogInformation(ex, "Placing order {OrderId} lost a race for its id; placing it again", request.OrderId);
            }
        }
    }

    /// <summary>
    /// Asks the order saga to cancel the order. Refused (conflict) once the kitchen accepted it, and for an order that is ready, completed,
    /// cancelled or rejected. Accepted means the request is committed and will reach the saga; the order's status shows when the cancellation
    /// (and any refund) is done.
    /// </summary>
    public async Task<CancelResult> Cancel(Guid orderId, string? reason, CancellationToken cancellationToken = default)
    {
        var order = await readModel.Get(orderId, cancellationToken);
        if (order is null)
        {
            return new CancelResult(CancelOutcome.NotFound, null, $"There is no order {orderId}. Check the id, or place the order with POST /orders.");
        }

        var refusal = order.Status switch
        {
            OrderStatus.Accepted or OrderStatus.Ready => $"Order {orderId} is {order.Status}: the kitchen has accepted it, so it can no longer be cancelled.",
            OrderStatus.Completed => $"Order {orderId} is Completed; a completed order cannot be cancelled.",
            OrderStatus.Cancelled => $"Order {orderId} is cancelled already: {order.Reason}",
            OrderStatus.Rejected => $"Order {orderId} was rejected and never started, so there is nothing to cancel: {order.Reason}",
            _ => null,
        };
        if (refusal is not null)
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

    private async Task<PlaceOrderResult> PlaceOnce(OrderRequest request, CancellationToken cancellationToken)
    {
        await using var session = await endpoint.OpenTransactionalSession(cancellationToken);
        var result = await Intake.Take(request, session.Storage, cancellationToken);
        switch (result.Outcome)
        {
            case IntakeOutcome.Placed or IntakeOutcome.Repeated:
                if (result.Start is not null)
                {
                    await session.Send(result.Start, cancellationToken: cancellationToken);
                }

                await session.Commit(cancellationToken);
                var order = result.Order!;
                if (result.Outcome == IntakeOutcome.Placed)
                {
                    logger.LogInformation(
                        "Order {OrderId} placed by customer {CustomerId}: {Lines} lines, total {Total} {Currency}", order.OrderId, order.CustomerId, order.Lines.Count, order.Total, order.Currency);
                    readModel.OnChanged(order.OrderId, OrderStatus.Submitted);
                }
                else
                {
                    logger.LogInformation("Order {OrderId} was placed before with the same content; answered with it ({Started})", order.OrderId, result.Start is null ? "under way" : "started again");
                }

                return PlaceOrderResult.Accepted(order);
            case IntakeOutcome.Conflict:
                return PlaceOrderResult.Conflict(result.Detail!);
            default:
                return PlaceOrderResult.Invalid(result.Errors);
        }
    }
}
