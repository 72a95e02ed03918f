using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderEats.Engine.RabbitMQ.Tests.DeliveryLimit;

/// <summary>A consumer that dies with its delivery: it takes one message and closes its connection without settling it, as a killed process does.</summary>
internal static class DroppingConsumer
{
    /// <summary>Takes the next message of <paramref name="queue"/>, drops the connection, and returns the message's <c>x-delivery-count</c> (0 when absent).</summary>
    public static async Task<long> TakeAndDrop(string amqpUri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(RawAmqp.FirstNode(amqpUri)), AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 1, global: false);
        var delivered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            delivered.TrySetResult(delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) : 0);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        var deliveryCount = await delivered.Task.WaitAsync(Inbox.Timeout);
        await connection.AbortAsync();
        return deliveryCount;
    }
}
