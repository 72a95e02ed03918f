using System.Collections.Concurrent;
using OrderEats.Engine;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Payments service: charges every order below <see cref="DeclineFrom"/>, declines the rest, refunds on request.
/// A charge for an order passed to <see cref="Hold"/> waits until the test releases it.
/// </summary>
public sealed class FakePayments : IHandleMessages<ChargePayment>, IHandleMessages<RefundPayment>
{
    public const decimal DeclineFrom = 1000m;

    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Held = new();

    /// <summary>Holds the charge of <paramref name="orderId"/> until the returned source is completed.</summary>
    public static TaskCompletionSource Hold(Guid orderId) => Held.GetOrAdd(orderId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task Handle(ChargePayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (Held.TryGetValue(message.OrderId, out var gate))
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(60), context.CancellationToken);
        }

        await (message.Amount.Amount >= DeclineFrom
            ? context.Reply(new PaymentDeclined(message.OrderId, "card limit exceeded"))
            : context.Reply(new PaymentCharged(message.OrderId, Guid.NewGuid(), message.Amount)));
    }

    public Task Handle(RefundPayment message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        return context.Reply(new PaymentRefunded(message.OrderId, Guid.NewGuid(), message.Amount));
    }
}
