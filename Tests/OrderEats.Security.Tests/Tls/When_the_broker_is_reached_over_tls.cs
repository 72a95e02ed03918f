using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Transport;
using OrderEats.ServiceDefaults;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Tls;

// Finding 5: no TLS to the broker. amqps:// with the CA that signed the broker's certificate (ORDEREATS_RABBITMQ_CA) carries messages;
// another CA, the operating system's roots, or a host the certificate does not name are refused.
[TestFixture]
[NonParallelizable]
public class When_the_broker_is_reached_over_tls
{
    private TestCertificates certificates = null!;
    private RabbitMqBroker broker = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        certificates = await TestCertificates.Create();
        broker = await RabbitMqBroker.StartPrivateAsync(new RabbitMqTls(certificates.CaFile, certificates.CertificateFile, certificates.KeyFile));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await broker.DisposeAsync();
        certificates.Dispose();
    }

    [Test]
    public async Task Should_send_and_receive_with_the_brokers_ca()
    {
        var logs = new LogCapture();
        await using var services = Services(logs);
        await using var transport = Transport("localhost", certificates.CaFile, services);
        var queue = RabbitMqBroker.UniqueName("tls");
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        await transport.Setup(new TransportSetup(queue, RabbitMqBroker.UniqueName("tls-error"), []));
        await using var receiver = await transport.Receive(new ReceiveSettings(queue, 1, "error"), (message, _) =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(message.Body.Span));
            return Task.FromResult(ReceiveResult.Ack);
        });
        await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(Guid.NewGuid().ToString(), new Dictionary<string, string>(), "\"over tls\""u8.ToArray()), queue)]);

        Assert.That(await received.Task.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo("\"over tls\""));
    }

    [TestCase("localhost", "other", TestName = "Should_refuse_a_broker_certificate_from_another_ca")]
    [TestCase("localhost", null, TestName = "Should_refuse_a_private_ca_the_operating_system_does_not_trust")]
    [TestCase("127.0.0.1", "ca", TestName = "Should_refuse_a_certificate_that_does_not_name_the_host")]
    public async Task Should_refuse_the_connection(string host, string? authority)
    {
        var logs = new LogCapture();
        await using var services = Services(logs);
        var caFile = authority switch { "ca" => certificates.CaFile, "other" => certificates.OtherCaFile, _ => null };
        await using var transport = Transport(host, caFile, services);
        var refused = logs.WaitFor("Cannot reach RabbitMQ");
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(45));

        var send = transport.Dispatch([TransportOperation.Send(new OutgoingMessage(Guid.NewGuid().ToString(), new Dictionary<string, string>(), "{}"u8.ToArray()), "anything")], giveUp.Token);
        var line = await refused.WaitAsync(TimeSpan.FromMinutes(1));
        await giveUp.CancelAsync();

        Assert.That(async () => await send, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(line, Does.Contain("certificate").IgnoreCase);
    }

    private static ServiceProvider Services(LogCapture logs) =>
        new ServiceCollection().AddLogging(builder => builder.AddProvider(logs)).BuildServiceProvider();

    private ITransport Transport(string host, string? caFile, IServiceProvider services)
    {
        var infrastructure = new InfrastructureOptions
        {
            Transport = TransportKind.RabbitMq,
            RabbitMqUri = string.Create(CultureInfo.InvariantCulture, $"amqps://guest:guest@{host}:{broker.TlsPort}/"),
            RabbitMqCaFile = caFile,
            DataFolder = certificates.Folder,
        };
        return new EndpointConfiguration("tls-test").UseConfiguredTransport(infrastructure).TransportFactory!(services);
    }
}
