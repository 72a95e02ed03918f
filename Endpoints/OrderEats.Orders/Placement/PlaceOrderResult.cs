using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

/// <summary>The result of <see cref="OrderPlacement.Place"/>.</summary>
/// <param name="Outcome">Accepted, invalid or conflicting.</param>
/// <param name="Order">The order as stored now, when accepted.</param>
/// <param name="Errors">Validation errors keyed by the field they concern (<c>orderId</c>, <c>lines[0].quantity</c>), when invalid.</param>
/// <param name="Detail">What went wrong and how to fix it, when not accepted.</param>
public sealed record PlaceOrderResult(PlaceOrderOutcome Outcome, OrderView? Order, IReadOnlyDictionary<string, string[]> Errors, string? Detail)
{
    internal static PlaceOrderResult Accepted(OrderView order) =>
        new(PlaceOrderOutcome.Accepted, order, new Dictionary<string, string[]>(), null);

    internal static PlaceOrderResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(PlaceOrderOutcome.Invalid, null, errors, "The order is invalid; see the errors per field.");

    internal static PlaceOrderResult Conflict(string detail) =>
        new(PlaceOrderOutcome.Conflict, null, new Dictionary<string, string[]>(), detail);
}
