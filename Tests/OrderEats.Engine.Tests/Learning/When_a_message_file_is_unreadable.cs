using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_a_message_file_is_unreadable
{
    [TestCase("not json at all")]
    [TestCase("{\"headers\":{},\"body\":\"\"}")]
    public async Task Should_deliver_the_raw_bytes_with_a_generated_id_and_a_transport_error(string content)
    {
        using var folder = new LearningFolder();
        await using var transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance);
        await transport.Setup(new TransportSetup("orders", "error", []));
        var raw = System.Text.Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(folder.Queue("orders"), MessageFile.NextName(TimeProvider.System)), raw);

        var (receiver, received) = await LearningTestMessages.ReceiveInto(transport, "orders");
        var message = await received.Next();
        await receiver.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(message.TransportError, Is.Not.Null.And.Not.Empty);
            Assert.That(Guid.TryParse(message.MessageId, out _), Is.True, message.MessageId);
            Assert.That(message.Headers, Is.Empty);
            Assert.That(message.Body.ToArray(), Is.EqualTo(raw));
            Assert.That(Directory.EnumerateFiles(folder.Queue("orders"), "*", SearchOption.AllDirectories), Is.Empty, "acked, so gone");
        });
    }
}
