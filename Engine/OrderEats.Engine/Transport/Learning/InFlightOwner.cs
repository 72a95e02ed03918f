namespace OrderEats.Engine.Transport.Learning;

/// <summary>
/// One receiver's claim on messages of a queue: a folder they are renamed into, and a lock file held open with FileShare.None.
/// On Linux .NET takes an advisory lock (flock) on it, which dies with the process, so others can tell a dead owner from a live one.
/// </summary>
internal sealed class InFlightOwner : IDisposable
{
    private readonly FileStream lockFile;
    private readonly string queuePath;

    private InFlightOwner(string queuePath, string id, FileStream lockFile)
    {
        this.queuePath = queuePath;
        this.lockFile = lockFile;
        Id = id;
        Folder = Path.Combine(LearningLayout.InFlight(queuePath), id);
        Directory.CreateDirectory(Folder);
    }

    public string Id { get; }

    public string Folder { get; }

    public static InFlightOwner Acquire(string queuePath)
    {
        var inFlight = LearningLayout.InFlight(queuePath);
        Directory.CreateDirectory(inFlight);
        for (var attempt = 1; ; attempt++)
        {
            var id = Guid.NewGuid().ToString("N");
            try
            {
                // The lock file exists before the folder, so a folder without a held lock is always an orphan.
                var lockFile = new FileStream(Path.Combine(inFlight, id + ".lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                return new InFlightOwner(queuePath, id, lockFile);
            }
            catch (IOException) when (attempt < 3)
            {
                // A recovering process locked our new file between its creation and our lock; it deletes it. Take another id.
            }
        }
    }

    /// <summary>Moves a queued message into this owner's folder; null when another receiver took it first.</summary>
    public string? TryClaim(string queuedFile)
    {
        var claimed = Path.Combine(Folder, Path.GetFileName(queuedFile));
        try
        {
            // overwrite: true is a plain rename(2) on Unix (atomic; exactly one competing claimer wins), without it .NET uses link+unlink.
            File.Move(queuedFile, claimed, overwrite: true);
            return claimed;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Requeue(string claimedFile) =>
        File.Move(claimedFile, Path.Combine(queuePath, Path.GetFileName(claimedFile)), overwrite: true);

    public void Dispose()
    {
        try
        {
            if (!Directory.EnumerateFileSystemEntries(Folder).Any())
            {
                Directory.Delete(Folder);
                File.Delete(lockFile.Name);
            }
        }
        catch (IOException)
        {
            // Left for orphan recovery once the lock is released below.
        }
        finally
        {
            lockFile.Dispose();
        }
    }
}
