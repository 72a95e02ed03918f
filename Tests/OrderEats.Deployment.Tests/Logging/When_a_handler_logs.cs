using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Replies;

namespace OrderEats.Deployment.Tests.Logging;

/// <summary>Whatever a handler logs carries the message id, conversation id and the configured message property (OrderId) from the engine's logging scope.</summary>
public class When_a_handler_logs
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-logging-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_have_message_conversation_and_order_ids_in_scope()
    {
        var capture = new ScopeCapture();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var provider = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(capture))
            .AddSingleton(handled)
            .BuildServiceProvider();
        var name = "logging-" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new EndpointConfiguration(name).AddHandler<LoggingHandler>();
        configuration.Logging.AddScopeFromProperty("OrderId");
        configuration.UseLearningTransport(folder);
        await using var endpoint = await EndpointInstance.Start(configuration, provider);
        var orderId = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();

        await endpoint.Send(new PaymentCharged(orderId, Guid.NewGuid(), new Money(5m, "EUR")), new SendOptions { Destination = name, MessageId = messageId });
        await handled.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var scope = capture.Entries.Single(e => e.Message == "Handling a charge").Scope;
        Assert.Multiple(() =>
        {
            Assert.That(scope["MessageId"], Is.EqualTo(messageId));
            Assert.That(scope["ConversationId"], Is.Not.Null.And.Not.Empty);
            Assert.That(scope["OrderId"], Is.EqualTo(orderId));
        });
    }
}
