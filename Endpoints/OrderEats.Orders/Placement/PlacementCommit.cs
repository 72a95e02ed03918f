using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// One attempt at placing an order: the intake (validation, pricing, the order row) and the StartOrder message in one transactional session.
internal sealed class PlacementCommit(StartedEndpoint endpoint, OrderIntake intake, OrdersReadModel readModel, ILogger<PlacementCommit> logger)
{
    public async Task<PlaceOrderResult> Place(OrderRequest request, CancellationToken cancellationToken)
    {
        await using var session = await endpoint.OpenTransactionalSession(cancellationToken);
        var result = await intake.Take(request, session.Storage, cancellationToken);
        switch (result.Outcome)
        {
            case IntakeOutcome.Placed or IntakeOutcome.Repeated:
                if (result.Start is not null)
                {
                    await session.Send(result.Start, cancellationToken: cancellationToken);
                }

                await session.Commit(cancellationToken);
                Committed(result);
                return PlaceOrderResult.Accepted(result.Order!);
            case IntakeOutcome.Conflict:
                return PlaceOrderResult.Conflict(result.Detail!);
            default:
                return PlaceOrderResult.Invalid(result.Errors);
        }
    }

    private void Committed(IntakeResult result)
    {
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
    }
}
