using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;

namespace OrderEats.Console.Web;

/// <summary>Reads list filters and grouping choices from the query string; every error names its field.</summary>
internal static class FilterParser
{
    public const int MaxPageSize = 500;

    /// <summary>How far into a list paging may reach; past it, narrow the filter instead. Keeps (page - 1) × pageSize far from overflowing.</summary>
    public const int MaxOffset = 1_000_000;

    public static (FailureFilter Filter, Dictionary<string, string[]> Errors) Failures(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Date(query, "from", errors);
        var to = Date(query, "to", errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = [$"'to' ({to:O}) must be after 'from' ({from:O})."];
        }

        FailureStatus? status = null;
        if (Value(query, "status") is { } statusText)
        {
            if (Enum.TryParse<FailureStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"'{statusText}' is not a status; use one of {string.Join(", ", Enum.GetNames<FailureStatus>())}."];
            }
        }

        var page = Int(query, "page", 1, 1, int.MaxValue, errors);
        var pageSize = Int(query, "pageSize", 50, 1, MaxPageSize, errors);
        CheckReach(page, pageSize, errors);
        return (new FailureFilter
        {
            From = from,
            To = to,
            Endpoint = Value(query, "endpoint"),
            MessageType = Value(query, "type"),
            Status = status,
            Text = Value(query, "q"),
            Page = page,
            PageSize = pageSize,
        }, errors);
    }

    /// <summary>Adds an error for "page" when (page - 1) × pageSize is past <see cref="MaxOffset"/>.</summary>
    public static void CheckReach(int page, int pageSize, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if ((long)(page - 1) * pageSize > MaxOffset)
        {
            errors["page"] = [$"page {page} × pageSize {pageSize} reaches past the first {MaxOffset:N0} results; narrow the filter (dates, endpoint, type, text) instead."];
        }
    }

    public static GroupingKind? Grouping(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "exception" => GroupingKind.Exception,
        "endpoint" => GroupingKind.Endpoint,
        "type" or "messagetype" => GroupingKind.MessageType,
        _ => null,
    };

    public static string GroupingName(GroupingKind kind) => kind switch { GroupingKind.Endpoint => "endpoint", GroupingKind.MessageType => "type", _ => "exception" };

    private static string? Value(IQueryCollection query, string key) => query[key].ToString() is { Length: > 0 } value ? value.Trim() : null;

    private static DateTimeOffset? Date(IQueryCollection query, string key, Dictionary<string, string[]> errors)
    {
        if (Value(query, key) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors[key] = [$"'{text}' is not a date; use ISO 8601, e.g. 2026-11-25 or 2026-11-25T08:30:00Z (times without an offset are UTC)."];
        return null;
    }

    private static int Int(IQueryCollection query, string key, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (Value(query, key) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        errors[key] = [$"'{text}' is not a whole number from {min} to {max}."];
        return fallback;
    }
}
