using System.Text;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Pipeline;

[TestFixture]
public class When_no_add_on_consumes_a_control_message
{
    [Test]
    public async Task Should_move_it_to_the_error_queue_naming_the_control_message()
    {
        await using var harness = new EndpointHarness();
        var errors = await harness.Watch("error");
        await harness.Start("ctl-plain", c => c.AddHandler<NothingHandler>());
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "control-1",
            [Headers.ControlMessage] = "CancelSagaTimeout",
        };

        await harness.RawTransport().Dispatch([TransportOperation.Send(new OutgoingMessage("control-1", headers, Encoding.UTF8.GetBytes("{}")), "ctl-plain")]);
        var failed = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(failed.MessageId, Is.EqualTo("control-1"));
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(Engine.Recoverability.MessageDeserializationException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("CancelSagaTimeout").And.Contain("UseConsoleReporting"));
        });
    }

    public sealed record Nothing : ICommand;

    public sealed class NothingHandler : IHandleMessages<Nothing>
    {
        public Task Handle(Nothing message, IMessageHandlerContext context) => Task.CompletedTask;
    }
}
