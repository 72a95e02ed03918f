using OrderEats.Messages;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.ReadModel;

/// <summary>One order in <see cref="OrdersReadModel.ListAll"/>: enough to check the invariants across services.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Status">The latest status.</param>
/// <param name="Total">The order's total.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Reason">Why it was cancelled, if it was.</param>
public sealed record OrderSummary(Guid OrderId, Guid CustomerId, OrderStatus Status, decimal Total, string Currency, string? Reason);
