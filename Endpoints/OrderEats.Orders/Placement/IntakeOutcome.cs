namespace OrderEats.Orders.Placement;

// What the placement path made of a request.
internal enum IntakeOutcome
{
    // Valid, priced and stored as Submitted; the saga is to be started.
    Placed,

    // The same request as an order stored before: answered with that order.
    Repeated,

    // Invalid; nothing stored yet (HTTP answers 400, a message is recorded as Rejected).
    Invalid,

    // The same request as one rejected before: answered with the stored reasons.
    RejectedBefore,

    // The order id is taken by a different request.
    Conflict,
}
