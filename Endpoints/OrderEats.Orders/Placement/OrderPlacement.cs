using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Http;

namespace OrderEats.Orders.Placement;

/// <summary>
/// The HTTP edge of placing and cancelling orders. A placement goes through the same path as a <see cref="PlaceOrder"/> message (validated, priced
/// from the menu, stored); the order row and the message that starts its saga commit in one transactional session, so an accepted order always
/// starts, even if the process dies right after the commit.
/// </summary>
public sealed class OrderPlacement
{
    private const int Attempts = 2;
    private readonly PlacementCommit commit;
    private readonly OrderCancellation cancellation;
    private readonly ILogger<OrderPlacement> logger;

    internal OrderPlacement(PlacementCommit commit, OrderCancellation cancellation, ILogger<OrderPlacement> logger)
    {
        this.commit = commit;
        this.cancellation = cancellation;
        this.logger = logger;
    }

    /// <summary>
    /// Validates the order, prices its lines from the restaurant's menu (never from the client), stores it as Submitted and starts the order saga,
    /// in one commit. Idempotent by <see cref="PlaceOrderRequest.OrderId"/>: the same request again returns the stored order; different content
    /// under the same id is a conflict. Nothing is stored for an invalid request.
    /// </summary>
    public async Task<PlaceOrderResult> Place(PlaceOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var orderRequest = OrderRequests.From(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await commit.Place(orderRequest, cancellationToken);
            }
            catch (DbException ex) when (attempt < Attempts)
            {
                // Two requests with the same order id at once: the primary key lets one in; the other, run again, finds it and answers as a repeat.
                logger.LogInformation(ex, "Placing order {OrderId} lost a race for its id; placing it again", request.OrderId);
            }
        }
    }

    /// <summary>
    /// Asks the order saga to cancel the order. Refused (conflict) once the kitchen accepted it, and for an order that is ready, completed,
    /// cancelled or rejected. Accepted means the request is committed and will reach the saga; the order's status shows when the cancellation
    /// (and any refund) is done.
    /// </summary>
    public Task<CancelResult> Cancel(Guid orderId, string? reason, CancellationToken cancellationToken = default) =>
        cancellation.Cancel(orderId, reason, cancellationToken);
}
