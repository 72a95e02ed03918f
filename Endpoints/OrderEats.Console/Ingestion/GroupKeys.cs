using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OrderEats.Console.Model;

namespace OrderEats.Console.Ingestion;

/// <summary>
/// Group identities. A cause is the exception type, the first stack frame in user code and the shape of the message (its text with ids, numbers
/// and quoted values blanked), so one bug is one group: framework frames (System.Text.Json.ThrowHelper…) do not name it, and different messages
/// thrown from the same guard (MessageLimits.Check) do not share it.
/// </summary>
internal static partial class GroupKeys
{
    private const int MaxShape = 160;

    // Frames from these namespaces are where an error surfaced, not where it was caused: the runtime's first, then the engine's and drivers'.
    private static readonly string[] RuntimePrefixes = ["System.", "Microsoft."];
    private static readonly string[] LibraryPrefixes = ["OrderEats.Engine.", "Npgsql.", "RabbitMQ.", "Polly."];

    public static string Id(GroupingKind kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>What makes two failures the same cause: full exception type, user frame and message shape.</summary>
    public static string ExceptionKey(string exceptionType, string exceptionMessage, string stackTrace) =>
        string.Join('\n', exceptionType, UserFrame(stackTrace) ?? string.Empty, MessageShape(exceptionMessage));

    /// <summary>"InvalidOperationException: Work '…' failed on purpose · at Shop.Handler.Handle".</summary>
    public static string ExceptionTitle(string exceptionType, string exceptionMessage, string stackTrace)
    {
        var shortType = exceptionType[(exceptionType.LastIndexOf('.') + 1)..];
        var shape = MessageShape(exceptionMessage);
        var title = shape.Length == 0 ? shortType : shortType + ": " + shape;
        return UserFrame(stackTrace) is { } frame ? title + " · at " + frame : title;
    }

    /// <summary>
    /// The first frame in user code, as Namespace.Type.Method; when there is none (the engine refused the message), the first frame of the engine
    /// or a driver; only when every frame is the runtime's, the first frame.
    /// </summary>
    public static string? UserFrame(string stackTrace)
    {
        string? library = null;
        string? first = null;
        foreach (var raw in stackTrace.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }

            var frame = Method(line[3..]);
            first ??= frame;
            if (RuntimePrefixes.Any(p => frame.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!LibraryPrefixes.Any(p => frame.StartsWith(p, StringComparison.Ordinal)))
            {
                return frame;
            }

            library ??= frame;
        }

        return library ?? first;
    }

    /// <summary>The message with the parts that vary between occurrences of one cause replaced: quoted values, ids, numbers.</summary>
    public static string MessageShape(string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        var shape = Guid().Replace(firstLine, "{id}");
        shape = Quoted().Replace(shape, m => m.Value[0] + "…" + m.Value[^1]);
        shape = Hex().Replace(shape, "{id}");
        shape = Number().Replace(shape, "{n}");
        shape = Spaces().Replace(shape, " ");
        return shape.Length > MaxShape ? shape[..MaxShape] + "…" : shape;
    }

    // "Shop.Payments.Charge(Order order) in /src/Payments.cs:line 42" → "Shop.Payments.Charge": the file, line and parameters change with builds.
    private static string Method(string frame)
    {
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        return (paren >= 0 ? frame[..paren] : frame).Trim();
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"'[^'\n]*'|""[^""\n]*""|`[^`\n]*`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b")]
    private static partial Regex Hex();

    [GeneratedRegex(@"[-+]?\d+([.,:]\d+)*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
