using System.Globalization;

namespace OrderEats.Console.Web;

/// <summary>How times, sizes and type names read on the pages and in the event log.</summary>
public static class Format
{
    /// <summary>2026-11-25 08:30:00Z.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"just now", "12 s ago", "5 min ago", "3 h ago", "2 d ago"; "in 4 min" for future times.</summary>
    public static string Relative(DateTimeOffset time, DateTimeOffset now)
    {
        var delta = now - time;
        var future = delta < TimeSpan.Zero;
        var span = future ? -delta : delta;
        var text = span.TotalSeconds < 5 ? null
            : span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds} s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours} h"
            : $"{(int)span.TotalDays} d";
        return text is null ? "just now" : future ? "in " + text : text + " ago";
    }

    /// <summary>1.2 KB, 5.0 MB (1 KB = 1024 bytes).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>The last segment of a contract or type name: OrderEats.Messages.Commands.PlaceOrder → PlaceOrder.</summary>
    public static string TypeName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name[(dot + 1)..];
    }

    /// <summary>A number with at most two decimals (whole above 100).</summary>
    public static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
