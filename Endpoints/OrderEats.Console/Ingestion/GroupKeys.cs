using System.Security.Cryptography;
using System.Text;
using OrderEats.Console.Model;

namespace OrderEats.Console.Ingestion;

/// <summary>Group identities: the default key is the exception type plus the first stack frame, so one bug is one group.</summary>
internal static class GroupKeys
{
    public static string Id(GroupingKind kind, string title)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + title));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    public static string ExceptionTitle(string exceptionType, string stackTrace)
    {
        var frame = FirstFrame(stackTrace);
        return frame is null ? exceptionType : exceptionType + " at " + frame;
    }

    /// <summary>The first "at Namespace.Type.Method(args)" line, without the " in file:line" tail (which changes with every build).</summary>
    public static string? FirstFrame(string stackTrace)
    {
        foreach (var raw in stackTrace.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            var frame = line[3..];
            var file = frame.IndexOf(" in ", StringComparison.Ordinal);
            return (file >= 0 ? frame[..file] : frame).Trim();
        }

        return null;
    }
}
