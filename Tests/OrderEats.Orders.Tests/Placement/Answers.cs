using System.Collections.Concurrent;
using OrderEats.Engine;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;

namespace OrderEats.Orders.Tests.Placement;

/// <summary>The replies a PlaceOrder sender got, by order id; waits complete when one arrives (no polling).</summary>
public sealed class Answers : IHandleMessages<OrderPlaced>, IHandleMessages<OrderPlacementRejected>
{
    private static readonly ConcurrentDictionary<Guid, ConcurrentQueue<object>> Received = new();
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<object>> Waiting = new();

    public static async Task<T> For<T>(Guid orderId)
    {
        var answer = await Waiting.GetOrAdd(orderId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(answer, Is.InstanceOf<T>(), $"order {orderId} was answered with {answer.GetType().Name}");
        return (T)answer;
    }

    public static int Count(Guid orderId) => Received.TryGetValue(orderId, out var answers) ? answers.Count : 0;

    public static void Forget(Guid orderId) => Waiting.TryRemove(orderId, out _);

    public Task Handle(OrderPlaced message, IMessageHandlerContext context) => Record(message.OrderId, message);

    public Task Handle(OrderPlacementRejected message, IMessageHandlerContext context) => Record(message.OrderId, message);

    private static Task Record(Guid orderId, object answer)
    {
        Received.GetOrAdd(orderId, _ => new()).Enqueue(answer);
        Waiting.GetOrAdd(orderId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(answer);
        return Task.CompletedTask;
    }
}
