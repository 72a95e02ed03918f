using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>Returns messages claimed by receivers that died (their lock file can be locked, or is gone) to the queue.</summary>
internal static class OrphanRecovery
{
    public static int Run(string queuePath, string? ownId, ILogger logger)
    {
        var inFlight = LearningLayout.InFlight(queuePath);
        if (!Directory.Exists(inFlight))
        {
            return 0;
        }

        var recovered = 0;
        foreach (var folder in Directory.EnumerateDirectories(inFlight))
        {
            var owner = Path.GetFileName(folder);
            if (owner == ownId)
            {
                continue;
            }

            var lockPath = folder + ".lock";
            if (!TryLockDeadOwner(lockPath, out var heldLock))
            {
                continue;
            }

            using (heldLock)
            {
                recovered += ReturnToQueue(folder, queuePath, owner, logger);
                TryDelete(() => Directory.Delete(folder));
                if (heldLock is not null)
                {
                    TryDelete(() => File.Delete(lockPath));
                }
            }
        }

        foreach (var lockPath in Directory.EnumerateFiles(inFlight, "*.lock"))
        {
            if (!Directory.Exists(Path.ChangeExtension(lockPath, null)) && TryLockDeadOwner(lockPath, out var stale) && stale is not null)
            {
                using (stale)
                {
                    TryDelete(() => File.Delete(lockPath));
                }
            }
        }

        return recovered;
    }

    private static int ReturnToQueue(string folder, string queuePath, string owner, ILogger logger)
    {
        var recovered = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                try
                {
                    File.Move(file, Path.Combine(queuePath, Path.GetFileName(file)), overwrite: true);
                    recovered++;
                    logger.LogWarning("Returned message file {File} of dead receiver {Owner} to queue {Queue}", Path.GetFileName(file), owner, queuePath);
                }
                catch (FileNotFoundException)
                {
                    // Another process recovered it first.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The owner shut down cleanly, or another process recovered the folder, after we listed it.
        }

        return recovered;
    }

    /// <summary>True when the owner is dead: its lock file is missing (held is null) or we could lock it (held is the open lock).</summary>
    private static bool TryLockDeadOwner(string lockPath, out FileStream? held)
    {
        held = null;
        try
        {
            held = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // Someone else cleaned up, or a file appeared; the next round retries.
        }
    }
}
