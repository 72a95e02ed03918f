namespace OrderEats.Engine.Transport.Learning;

/// <remarks>
/// &lt;root&gt;/&lt;queue&gt;/*.json are messages; &lt;queue&gt;/.inflight/&lt;owner&gt;/ holds those a receiver claimed, &lt;owner&gt;.lock proves it alive.
/// .delayed/ holds delayed sends named by due time, .subscriptions/&lt;event type&gt;/&lt;queue&gt; are empty markers, .tmp/ is where files are written before the atomic rename.
/// Everything is in one folder so every rename stays on one file system.
/// </remarks>
internal sealed class LearningLayout
{
    private readonly TimeProvider time;

    public LearningLayout(string root, TimeProvider time)
    {
        this.time = time;
        Root = Path.GetFullPath(root);
        Delayed = Path.Combine(Root, ".delayed");
        Subscriptions = Path.Combine(Root, ".subscriptions");
        Temp = Path.Combine(Root, ".tmp");
        Directory.CreateDirectory(Delayed);
        Directory.CreateDirectory(Subscriptions);
        Directory.CreateDirectory(Temp);
        DeleteAbandonedTempFiles();
    }

    public string Root { get; }

    public string Delayed { get; }

    public string Subscriptions { get; }

    public string Temp { get; }

    public string Queue(string queue) => Path.Combine(Root, ValidName(queue, "queue"));

    public string Subscribers(string eventType) => Path.Combine(Subscriptions, ValidName(eventType, "event type"));

    public static string InFlight(string queuePath) => Path.Combine(queuePath, ".inflight");

    /// <summary>Temp files of writers killed before their rename were never visible to anyone; a live writer's are milliseconds old.</summary>
    private void DeleteAbandonedTempFiles()
    {
        var abandonedBefore = time.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1);
        foreach (var file in Directory.EnumerateFiles(Temp).Where(file => File.GetLastWriteTimeUtc(file) < abandonedBefore))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another process cleans up at the same time.
            }
        }
    }

    private static string ValidName(string name, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.StartsWith('.') || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ||
            name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new ArgumentException(
                $"'{name}' cannot be a learning transport {kind} name: it becomes a folder name, so it must not start with '.' or contain path separators. Rename the {kind}.",
                nameof(name));
        }

        return name;
    }
}
