using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>
/// A client that knows only the published documents: RabbitMQ.Client publishing hand-written JSON with the AMQP properties the documents name
/// (no engine), a reply queue of its own, and a watch on the error queue.
/// </summary>
internal sealed class ForeignClient : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(string Type, string Body)>> replies = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyDictionary<string, string>>> failures = new();

    private ForeignClient(IConnection connection, IChannel channel, string replyQueue)
    {
        this.connection = connection;
        this.channel = channel;
        ReplyQueue = replyQueue;
    }

    public string ReplyQueue { get; }

    public static async Task<ForeignClient> Connect(string amqpUri)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        // As docs/wire-format.md says: the engine sends a reply to the exchange named like the reply queue, so the client declares both.
        var replyQueue = $"foreign-client.{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(replyQueue, durable: false, exclusive: true, autoDelete: true);
        await channel.ExchangeDeclareAsync(replyQueue, ExchangeType.Fanout, durable: false, autoDelete: true);
        await channel.QueueBindAsync(replyQueue, replyQueue, string.Empty);
        var client = new ForeignClient(connection, channel, replyQueue);
        var replyConsumer = new AsyncEventingBasicConsumer(channel);
        replyConsumer.ReceivedAsync += (_, delivery) =>
        {
            if (delivery.BasicProperties.CorrelationId is { } correlation)
            {
                client.Reply(correlation).TrySetResult((delivery.BasicProperties.Type ?? string.Empty, Encoding.UTF8.GetString(delivery.Body.Span)));
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(replyQueue, autoAck: true, replyConsumer);
        var errorConsumer = new AsyncEventingBasicConsumer(channel);
        errorConsumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
            client.Failure(delivery.BasicProperties.MessageId ?? string.Empty).TrySetResult(headers);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync("error", autoAck: true, errorConsumer);
        return client;
    }

    /// <summary>Publishes <paramref name="json"/> to <paramref name="queue"/> as a foreign client would; returns the message id.</summary>
    public async Task<string> Send(string queue, string type, string json, bool withReplyTo = true)
    {
        var messageId = Guid.NewGuid().ToString();
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            ContentType = "application/json",
            Persistent = true,
            ReplyTo = withReplyTo ? ReplyQueue : null,
        };
        // To the queue's own exchange, never the default exchange (production accounts may not write to it).
        await channel.BasicPublishAsync(queue, string.Empty, mandatory: true, properties, Encoding.UTF8.GetBytes(json));
        return messageId;
    }

    /// <summary>The reply to the message <paramref name="messageId"/> (its type and JSON body).</summary>
    public Task<(string Type, string Body)> ReplyTo(string messageId) => Reply(messageId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The failure headers of message <paramref name="messageId"/> once it reached the error queue.</summary>
    public Task<IReadOnlyDictionary<string, string>> FailureOf(string messageId) => Failure(messageId).Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }

    private TaskCompletionSource<(string Type, string Body)> Reply(string messageId) =>
        replies.GetOrAdd(messageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource<IReadOnlyDictionary<string, string>> Failure(string messageId) =>
        failures.GetOrAdd(messageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
