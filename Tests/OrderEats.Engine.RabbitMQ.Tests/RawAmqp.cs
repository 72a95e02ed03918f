using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>Plain RabbitMQ.Client access for what a test must do behind the transport's back (foreign publishers, queue surgery).</summary>
internal sealed class RawAmqp : IAsyncDisposable
{
    private readonly IConnection connection;

    private RawAmqp(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        Channel = channel;
    }

    public IChannel Channel { get; }

    /// <summary>Connects to <paramref name="amqpUri"/>, or to the first node of a comma-separated list.</summary>
    public static async Task<RawAmqp> Connect(string amqpUri)
    {
        var factory = new ConnectionFactory { Uri = new Uri(FirstNode(amqpUri)), AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawAmqp(connection, channel);
    }

    public static Task<RawAmqp> Connect() => Connect(BrokerSetUpFixture.Broker.AmqpUri);

    public async Task Send(string queue, BasicProperties properties, byte[] body) =>
        await Channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);

    /// <summary>The first URI of a comma-separated list (ORDEREATS_RABBITMQ may name every node of a cluster).</summary>
    public static string FirstNode(string amqpUris) => amqpUris.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await connection.CloseAsync();
        await connection.DisposeAsync();
    }
}
