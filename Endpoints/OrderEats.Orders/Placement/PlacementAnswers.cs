using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// How a PlaceOrder message is answered: one reply to the queue the sender named, and none when it named none, or named Orders itself (a
// PlaceOrder queued by an earlier version of the HTTP edge carries Orders as its reply address; Orders does not take these replies).
internal static class PlacementAnswers
{
    public static bool ShouldReply(IMessageHandlerContext context) =>
        context.ReplyToAddress is { Length: > 0 } replyTo && !string.Equals(replyTo, EndpointNames.Orders, StringComparison.Ordinal);

    public static OrderPlaced Placed(OrderView order) => new(
        order.OrderId,
        order.Status,
        [.. order.Lines.Select(l => new OrderLine(l.MenuItemId, l.Name, l.Quantity, l.UnitPrice))],
        new Money(order.Total, order.Currency));

    public static OrderPlacementRejected Rejected(OrderRequest request, IReadOnlyDictionary<string, string[]> errors, DateTimeOffset at) =>
        new(request.OrderId, request.CustomerId is { } id && id != Guid.Empty ? id : null, Summary(errors), errors, at);

    public static string Summary(IReadOnlyDictionary<string, string[]> errors)
    {
        var fields = errors.Keys.Take(5).ToList();
        var more = errors.Count > fields.Count ? $" and {errors.Count - fields.Count} more" : string.Empty;
        return $"The order request is invalid ({string.Join(", ", fields)}{more}); nothing was charged. See the errors per field.";
    }
}
