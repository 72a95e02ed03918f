using System.Collections.Concurrent;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Orders.Tests.Edge;

/// <summary>
/// What the peers of the Orders process saw: the ChargePayment message ids per order and the terminal OrderStatusChanged message ids per order;
/// completes a wait once every expected order is terminal (no polling).
/// </summary>
public sealed class EdgeWitness
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, byte>> charges = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, OrderStatus>> terminal = new();
    private readonly Lock gate = new();
    private (HashSet<Guid> Expected, TaskCompletionSource Done)? waiter;

    public int ChargesOf(Guid orderId) => charges.TryGetValue(orderId, out var ids) ? ids.Count : 0;

    public IReadOnlyCollection<OrderStatus> TerminalOf(Guid orderId) => terminal.TryGetValue(orderId, out var ids) ? [.. ids.Values] : [];

    public Task AllTerminal(IEnumerable<Guid> orderIds)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            waiter = (orderIds.ToHashSet(), done);
            Check();
        }

        return done.Task;
    }

    public void Charged(Guid orderId, string messageId) => charges.GetOrAdd(orderId, _ => new()).TryAdd(messageId, 0);

    public void Ended(Guid orderId, string messageId, OrderStatus status)
    {
        terminal.GetOrAdd(orderId, _ => new())[messageId] = status;
        lock (gate)
        {
            Check();
        }
    }

    private void Check()
    {
        if (waiter is { } w && w.Expected.All(terminal.ContainsKey))
        {
            w.Done.TrySetResult();
        }
    }

    /// <summary>The Payments stand-in: charges every order and counts each ChargePayment message once.</summary>
    public sealed class Payments(EdgeWitness witness) : IHandleMessages<ChargePayment>
    {
        public Task Handle(ChargePayment message, IMessageHandlerContext context)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentNullException.ThrowIfNull(context);
            witness.Charged(message.OrderId, context.MessageId);
            return context.Reply(new PaymentCharged(message.OrderId, Guid.NewGuid(), message.Amount));
        }
    }

    /// <summary>Subscribes to the order's status changes and records the terminal ones.</summary>
    public sealed class Watcher(EdgeWitness witness) : IHandleMessages<OrderStatusChanged>
    {
        public Task Handle(OrderStatusChanged message, IMessageHandlerContext context)
        {
            ArgumentNullException.ThrowIfNull(message);
            ArgumentNullException.ThrowIfNull(context);
            if (message.Status is OrderStatus.Completed or OrderStatus.Cancelled or OrderStatus.Rejected)
            {
                witness.Ended(message.OrderId, context.MessageId, message.Status);
            }

            return Task.CompletedTask;
        }
    }
}
