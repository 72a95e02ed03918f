using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OrderEats.Engine.Contracts;
using OrderEats.Engine.Transport;
using OrderEats.Engine.Transport.Learning;

namespace OrderEats.Engine.Tests.Learning;

[TestFixture]
public class LearningTransportContractTests : TransportContract
{
    private LearningFolder folder = null!;

    [OneTimeSetUp]
    public void CreateFolder() => folder = new LearningFolder();

    [OneTimeTearDown]
    public void DeleteFolder() => folder.Dispose();

    protected override Task<ITransport> CreateTransport(CancellationToken cancellationToken) =>
        Task.FromResult<ITransport>(new LearningTransport(folder.Root, TimeProvider.System, NullLoggerFactory.Instance));

    protected override async Task SendUnreadableMessage(string queue, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(folder.Root, ".tmp", Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(temp, "{\"id\": \"torn", Encoding.UTF8, cancellationToken);
        File.Move(temp, Path.Combine(folder.Queue(queue), MessageFile.NextName(TimeProvider.System)));
    }
}
