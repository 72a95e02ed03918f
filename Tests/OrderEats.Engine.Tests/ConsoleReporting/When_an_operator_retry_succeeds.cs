using System.Text;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_an_operator_retry_succeeds
{
    [Test]
    public async Task Should_tell_the_console_which_retry_succeeded()
    {
        await using var harness = new EndpointHarness();
        var console = await harness.Watch("acc-console");
        await harness.Start("acc-retried", c => c.AddHandler<WorkHandler>().UseConsoleReporting());
        var raw = harness.RawTransport();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = "failed-1",
            [Headers.EnclosedMessageTypes] = typeof(Work).FullName!.Replace('+', '.'),
            [Headers.RetryId] = "retry-7",
            [Headers.RetryReportTo] = "acc-console",
        };

        await raw.Dispatch([TransportOperation.Send(new OutgoingMessage("failed-1", headers, Encoding.UTF8.GetBytes("{}")), "acc-retried")]);
        var ack = await console.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

        Assert.Multiple(() =>
        {
            Assert.That(ack.Headers[Headers.ControlMessage], Is.EqualTo("RetrySucceeded"));
            Assert.That(ack.Headers[Headers.RetryId], Is.EqualTo("retry-7"));
            Assert.That(ack.Headers[Headers.RetriedMessageId], Is.EqualTo("failed-1"));
            Assert.That(ack.Headers[Headers.ProcessingEndpoint], Is.EqualTo("acc-retried"));
        });
    }

    public sealed record Work : ICommand;

    public sealed class WorkHandler : IHandleMessages<Work>
    {
        public Task Handle(Work message, IMessageHandlerContext context) => Task.CompletedTask;
    }
}
