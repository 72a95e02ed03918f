namespace OrderEats.Orders.Placement;

/// <summary>What became of a request to place an order.</summary>
public enum PlaceOrderOutcome
{
    /// <summary>The order is stored and its saga was asked to run (also for a repeat of an identical request).</summary>
    Accepted,

    /// <summary>The request is invalid; see <see cref="PlaceOrderResult.Errors"/>.</summary>
    Invalid,

    /// <summary>An order with this id exists already with different content.</summary>
    Conflict,
}
