using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.RabbitMQ;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Headers = OrderEats.Engine.Headers;

namespace OrderEats.BadInput.Tests.Amqp;

/// <summary>
/// The AMQP half of the bad-input catalogue, sent the way a foreign client would (RabbitMQ.Client, no engine): every kind ends in the error queue
/// with the reason in its exception headers, or (a reply for a saga that no longer exists) is dropped; the endpoint keeps processing after each.
/// </summary>
[TestFixture]
public sealed class When_bad_input_arrives_over_amqp
{
    private const string MarkerHeader = "bad-input-marker";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Signals signals = new();
    private string queue = "";
    private EndpointInstance endpoint = null!;
    private IConnection connection = null!;
    private IChannel publisher = null!;
    private IChannel errorConsumer = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        queue = "badinput-" + Guid.NewGuid().ToString("N")[..10];
        var configuration = new EndpointConfiguration(queue) { ErrorQueue = queue + "-error", MaxConcurrency = 1 };
        configuration.UseRabbitMq(BrokerSetUp.AmqpUri);
        configuration.UseInMemoryPersistence();
        configuration.AddHandler<ProbeHandler>().AddHandler<TabSaga>();
        var services = new ServiceCollection().AddLogging().AddSingleton(signals).BuildServiceProvider();
        endpoint = await EndpointInstance.Start(configuration, services);

        connection = await new ConnectionFactory { Uri = new Uri(BrokerSetUp.AmqpUri) }.CreateConnectionAsync();
        publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        errorConsumer = await connection.CreateChannelAsync();
        var consumer = new AsyncEventingBasicConsumer(errorConsumer);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = (delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "", StringComparer.Ordinal);
            if (headers.TryGetValue(MarkerHeader, out var marker))
            {
                signals.Failed(marker, headers);
            }

            return Task.CompletedTask;
        };
        await errorConsumer.BasicConsumeAsync(configuration.ErrorQueue, autoAck: true, consumer);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await endpoint.Stop();
        await using (var cleanup = await connection.CreateChannelAsync())
        {
            await cleanup.QueueDeleteAsync(queue);
            await cleanup.QueueDeleteAsync(queue + "-error");
        }

        await errorConsumer.DisposeAsync();
        await publisher.DisposeAsync();
        await connection.DisposeAsync();
    }

    [Test]
    public async Task Should_move_a_message_without_message_id_to_error_with_the_reason()
    {
        var reason = await SendBad(messageId: null, TypeOf<Probe>(), "application/json", Json("{\"marker\":\"x\"}"));
        Assert.That(reason, Does.Contain("message_id is missing"));
        await AssertStillProcessing();
    }

    [Test]
    public async Task Should_move_a_message_of_unknown_type_to_error_with_the_reason()
    {
        var reason = await SendBad(Guid.NewGuid().ToString(), "Somebody.Else.Messages.Unknown", "application/json", Json("{}"));
        Assert.That(reason, Does.Contain("unknown type 'Somebody.Else.Messages.Unknown'"));
        await AssertStillProcessing();
    }

    [Test]
    public async Task Should_move_a_body_that_is_not_json_to_error_with_the_reason()
    {
        var reason = await SendBad(Guid.NewGuid().ToString(), TypeOf<Probe>(), "application/json", Json("<probe>not json</probe>"));
        Assert.That(reason, Does.Contain("not a valid"));
        await AssertStillProcessing();
    }

    [Test]
    public async Task Should_move_a_message_with_a_wrong_content_type_to_error_with_the_reason()
    {
        var reason = await SendBad(Guid.NewGuid().ToString(), TypeOf<Probe>(), "application/xml", Json("{\"marker\":\"x\"}"));
        Assert.That(reason, Does.Contain("content type 'application/xml'"));
        await AssertStillProcessing();
    }

    [Test]
    public async Task Should_move_an_oversized_message_to_error_with_the_reason()
    {
        var body = Json("{\"marker\":\"" + new string('x', 1100 * 1024) + "\"}");
        var reason = await SendBad(Guid.NewGuid().ToString(), TypeOf<Probe>(), "application/json", body);
        Assert.That(reason, Does.Contain("at most"));
        await AssertStillProcessing();
    }

    [Test]
    public async Task Should_drop_a_reply_for_a_saga_that_no_longer_exists_and_keep_processing()
    {
        var tabId = Guid.NewGuid();
        var marker = Guid.NewGuid().ToString("N");
        var properties = Properties(Guid.NewGuid().ToString(), TypeOf<TabSettled>(), "application/json", marker);
        properties.Headers![Headers.SagaId] = Guid.NewGuid().ToString();
        properties.Headers[Headers.SagaType] = typeof(TabSaga).FullName;
        await publisher.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Json($"{{\"tabId\":\"{tabId}\"}}"));

        // MaxConcurrency is 1, so once the probe sent after the reply is handled, the reply has been processed.
        await AssertStillProcessing();
        Assert.Multiple(() =>
        {
            Assert.That(signals.WasSettled(tabId), Is.False, "no saga exists, so no handler may run");
            Assert.That(signals.FailedMarkers, Does.Not.Contain(marker), "a reply for a finished saga is dropped, not a failure");
        });
    }

    private static string TypeOf<T>() => typeof(T).FullName!;

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    private static BasicProperties Properties(string? messageId, string type, string contentType, string marker) => new()
    {
        MessageId = messageId,
        Type = type,
        ContentType = contentType,
        Persistent = true,
        Headers = new Dictionary<string, object?> { [MarkerHeader] = marker },
    };

    private async Task<string> SendBad(string? messageId, string type, string contentType, byte[] body)
    {
        var marker = Guid.NewGuid().ToString("N");
        await publisher.BasicPublishAsync(string.Empty, queue, mandatory: true, Properties(messageId, type, contentType, marker), body);
        var headers = await signals.Failure(marker).WaitAsync(Timeout);
        Assert.That(headers, Does.ContainKey(Headers.ExceptionMessage));
        return headers[Headers.ExceptionMessage];
    }

    private async Task AssertStillProcessing()
    {
        var marker = Guid.NewGuid().ToString("N");
        await endpoint.Send(new Probe(marker), new SendOptions { Destination = queue });
        await signals.Probe(marker).WaitAsync(Timeout);
    }
}
