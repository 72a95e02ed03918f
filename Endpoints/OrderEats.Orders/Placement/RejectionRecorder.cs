using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Events;
using OrderEats.Orders.Data;

namespace OrderEats.Orders.Placement;

// Records an invalid PlaceOrder as a Rejected order in the message's unit of work and publishes it: OrderStatusChanged (the read model's timeline
// takes it inline) and OrderPlacementRejected with the reasons per field.
internal static class RejectionRecorder
{
    public static async Task<OrderPlacementRejected> Record(
        OrderRequest request, IReadOnlyDictionary<string, string[]> errors, DateTimeOffset at, IMessageHandlerContext context)
    {
        var rejected = PlacementAnswers.Rejected(request, errors, at);
        await OrderStore.InsertRejected(context.Storage, request, OrderRequestRules.Hash(request), rejected.Reason, errors, at, context.CancellationToken);
        await context.Publish(new OrderStatusChanged(request.OrderId, OrderStatus.Rejected, rejected.Reason, at));
        await context.Publish(rejected);
        return rejected;
    }
}
