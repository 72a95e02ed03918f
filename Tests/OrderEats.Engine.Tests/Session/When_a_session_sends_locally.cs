using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.AcceptanceTesting;
using OrderEats.Engine.Hosting;

namespace OrderEats.Engine.Tests.Session;

[TestFixture]
public class When_a_session_sends_locally
{
    [Test]
    public async Task Should_deliver_the_message_to_the_endpoint_itself_with_the_given_options()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Endpoint>(b => b.When(session => session.SendLocal(new Note("to self"), new SendOptions { MessageId = "local-1" })))
            .Done(c => c.HasProcessed<Note>())
            .Run();

        var processed = context.ProcessedMessages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(processed.MessageId, Is.EqualTo("local-1"));
            Assert.That(processed.Endpoint, Is.EqualTo(Conventions.EndpointNamingConvention(typeof(Endpoint))));
            Assert.That(processed.Headers[Headers.OriginatingEndpoint], Is.EqualTo(processed.Endpoint));
        });
    }

    [Test]
    public async Task Should_refuse_on_a_send_only_endpoint_saying_why()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ordereats-sendonly-" + Guid.NewGuid().ToString("N"));
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var configuration = new EndpointConfiguration("send-only") { SendOnly = true };
        configuration.UseLearningTransport(folder);
        await using var endpoint = await EndpointInstance.Start(configuration, services);
        try
        {
            var error = Assert.ThrowsAsync<InvalidOperationException>(() => endpoint.SendLocal(new Note("nowhere")));
            Assert.That(error!.Message, Does.Contain("send-only").And.Contain("SendOnly = false"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public sealed class Context : ScenarioContext;

    public sealed record Note(string Text) : ICommand;

    public sealed class Endpoint : EndpointConfigurationBuilder
    {
        public Endpoint() => EndpointSetup();

        public sealed class NoteHandler : IHandleMessages<Note>
        {
            public Task Handle(Note message, IMessageHandlerContext context) => Task.CompletedTask;
        }
    }
}
