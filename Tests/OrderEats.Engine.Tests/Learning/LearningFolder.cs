namespace OrderEats.Engine.Tests.Learning;

/// <summary>A private learning transport folder under the temp directory, deleted on dispose.</summary>
internal sealed class LearningFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ordereats-learning-" + Guid.NewGuid().ToString("N"));

    public string Queue(string queue) => Path.Combine(Root, queue);

    public string InFlight(string queue) => Path.Combine(Root, queue, ".inflight");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
