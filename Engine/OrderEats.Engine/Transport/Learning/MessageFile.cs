using System.Globalization;

namespace OrderEats.Engine.Transport.Learning;

/// <summary>Names and writes message files: names sort by arrival (or due) time, content appears only complete.</summary>
internal static class MessageFile
{
    public const string Pattern = "*.json";

    private static long lastTicks;

    /// <summary>A name that sorts after every name this process made before, so receive is roughly FIFO.</summary>
    public static string NextName(TimeProvider time)
    {
        long ticks;
        long previous;
        do
        {
            previous = Volatile.Read(ref lastTicks);
            ticks = Math.Max(time.GetUtcNow().UtcTicks, previous + 1);
        }
        while (Interlocked.CompareExchange(ref lastTicks, ticks, previous) != previous);

        return $"{ticks:D19}-{Guid.NewGuid():N}.json";
    }

    public static string DelayedName(DateTimeOffset due) => $"{due.UtcTicks:D19}-{Guid.NewGuid():N}.json";

    public static bool TryGetDue(string fileName, out DateTimeOffset due)
    {
        due = default;
        var dash = fileName.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(fileName.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
            ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        due = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Lists the message files of a folder in name order.</summary>
    public static List<string> List(string folder)
    {
        var files = Directory.EnumerateFiles(folder, Pattern, SearchOption.TopDirectoryOnly).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Writes to a temporary file, flushes it to disk, then renames it into place: readers never see a torn file.</summary>
    public static async Task WriteAtomically(string tempFolder, string destination, byte[] content, CancellationToken cancellationToken = default)
    {
        var temp = Path.Combine(tempFolder, $"{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(content, cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
