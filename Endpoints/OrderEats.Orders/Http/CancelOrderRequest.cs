namespace OrderEats.Orders.Http;

// The optional body of POST /orders/{id}/cancel.
internal sealed record CancelOrderRequest(string? Reason);
