namespace OrderEats.Orders.Placement;

/// <summary>What became of a request to cancel an order.</summary>
public enum CancelOutcome
{
    /// <summary>The cancellation was sent to the order saga; the order's status shows when it is done.</summary>
    Accepted,

    /// <summary>There is no order with this id.</summary>
    NotFound,

    /// <summary>The order can no longer be cancelled (accepted by the kitchen, ready, completed or cancelled already).</summary>
    Conflict,
}
