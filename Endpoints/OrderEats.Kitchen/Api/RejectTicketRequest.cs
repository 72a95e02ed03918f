namespace OrderEats.Kitchen.Api;

/// <summary>The body of POST /kitchen/tickets/{orderId}/reject.</summary>
/// <param name="Reason">Why the kitchen rejects the order (shown to the customer in the cancellation); at most 500 characters.</param>
public sealed record RejectTicketRequest(string? Reason);
