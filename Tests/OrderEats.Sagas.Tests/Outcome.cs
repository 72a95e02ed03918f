using OrderEats.Engine.Testing;
using OrderEats.Messages;
using OrderEats.Messages.Events;

namespace OrderEats.Sagas.Tests;

internal static class Outcome
{
    public static void AssertNothingHappened(SagaHandleResult<OrderSagaData> result)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.SentMessages.Select(m => m.Message), Is.Empty, "sent");
            Assert.That(result.PublishedMessages.Select(m => m.Message), Is.Empty, "published");
            Assert.That(result.RepliedMessages.Select(m => m.Message), Is.Empty, "replied");
            Assert.That(result.TimeoutMessages.Select(m => m.Message), Is.Empty, "timeouts requested");
            Assert.That(result.Completed, Is.False, "completed");
        }
    }

    public static IReadOnlyList<T> Sent<T>(this SagaHandleResult<OrderSagaData> result) => [.. result.SentMessages.Select(m => m.Message).OfType<T>()];

    public static IReadOnlyList<T> Published<T>(this SagaHandleResult<OrderSagaData> result) => [.. result.PublishedMessages.Select(m => m.Message).OfType<T>()];

    public static IReadOnlyList<OrderStatus> StatusChanges(this SagaHandleResult<OrderSagaData> result) => [.. result.Published<OrderStatusChanged>().Select(e => e.Status)];
}
