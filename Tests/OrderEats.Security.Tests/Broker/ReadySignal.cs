using System.Collections.Concurrent;

namespace OrderEats.Security.Tests.Broker;

/// <summary>Completes when the Notifications endpoint (its broker account) received OrderReady for an order.</summary>
public sealed class ReadySignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> orders = new();

    public Task For(Guid orderId) => orders.GetOrAdd(orderId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Received(Guid orderId) => orders.GetOrAdd(orderId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
