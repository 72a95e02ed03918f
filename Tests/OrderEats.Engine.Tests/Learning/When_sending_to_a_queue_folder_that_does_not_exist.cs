using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class When_sending_to_a_queue_folder_that_does_not_exist
{
    [Test]
    public async Task Should_throw_naming_the_queue_and_the_fix_and_write_nothing()
    {
        using var folder = new LearningFolder();
        await using var transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance);
        await transport.Setup(new TransportSetup("orders", "error", []));

        var dispatch = () => transport.Dispatch([TransportOperation.Send(LearningTestMessages.New(), "orders"), TransportOperation.Send(LearningTestMessages.New(), "kitchen")]);

        Assert.Multiple(() =>
        {
            Assert.That(dispatch, Throws.InvalidOperationException.With.Message.Contains("'kitchen'").And.Message.Contains("AdditionalQueues"));
            Assert.That(Directory.EnumerateFiles(folder.Queue("orders")), Is.Empty, "nothing of a failed dispatch is written");
        });
    }

    [Test]
    public async Task Should_reject_a_queue_name_that_is_not_a_folder_name()
    {
        using var folder = new LearningFolder();
        await using var transport = new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance);

        Assert.That(
            async () => await transport.Setup(new TransportSetup("../outside", "error", [])),
            Throws.ArgumentException.With.Message.Contains("../outside"));
    }
}
