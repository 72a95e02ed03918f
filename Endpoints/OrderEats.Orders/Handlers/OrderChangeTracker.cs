using Microsoft.Extensions.Logging;
using OrderEats.Messages;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Handlers;

// Scoped to one incoming message: the engine disposes the message's scope after the unit of work committed (or rolled back), so this is where
// OrdersReadModel.Changed is raised. A change is announced only when its timeline row is readable, i.e. the transaction did commit.
internal sealed class OrderChangeTracker(OrdersReadModel readModel, ILogger<OrderChangeTracker> logger) : IAsyncDisposable
{
    private readonly List<(Guid OrderId, OrderStatus Status)> changes = [];

    public void Record(Guid orderId, OrderStatus status) => changes.Add((orderId, status));

    public async ValueTask DisposeAsync()
    {
        if (!readModel.HasSubscribers)
        {
            changes.Clear();
            return;
        }

        foreach (var (orderId, status) in changes)
        {
            try
            {
                if (await readModel.HasTimelineEntry(orderId, status, CancellationToken.None))
                {
                    readModel.OnChanged(orderId, status);
                }
            }
#pragma warning disable CA1031 // the message is handled either way; a failed notification must not turn into a retry
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not announce that order {OrderId} reached {Status}", orderId, status);
            }
        }

        changes.Clear();
    }
}
