using System.Globalization;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Web;

/// <summary>Reads the saga list's query string (type, state, correlation, completed, minAgeMinutes, maxAgeMinutes, page, pageSize) with errors per field.</summary>
internal static class MonitoringFilters
{
    public static (SagaFilter Filter, Dictionary<string, string[]> Errors) Sagas(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>();
        bool? completed = null;
        var completedText = query["completed"].ToString();
        if (completedText.Length > 0)
        {
            completed = bool.TryParse(completedText, out var value) ? value : Error(errors, "completed", $"'{completedText}' is not true or false.", (bool?)null);
        }

        var filter = new SagaFilter
        {
            SagaType = Text(query, "type"),
            State = Text(query, "state"),
            Correlation = Text(query, "correlation"),
            Completed = completed,
            MinAge = Minutes(query, "minAgeMinutes", errors),
            MaxAge = Minutes(query, "maxAgeMinutes", errors),
            Page = (int)(Number(query, "page", 1, int.MaxValue, errors) ?? 1),
            PageSize = (int)(Number(query, "pageSize", 1, 500, errors) ?? 50),
        };
        if (!errors.ContainsKey("page") && !errors.ContainsKey("pageSize"))
        {
            FilterParser.CheckReach(filter.Page, filter.PageSize, errors);
        }

        return (filter, errors);
    }

    private static string? Text(IQueryCollection query, string key) => query[key].ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static TimeSpan? Minutes(IQueryCollection query, string key, Dictionary<string, string[]> errors) =>
        Number(query, key, 0, 525_600, errors) is { } minutes ? TimeSpan.FromMinutes(minutes) : null;

    private static double? Number(IQueryCollection query, string key, double min, double max, Dictionary<string, string[]> errors)
    {
        var text = query[key].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : Error(errors, key, $"'{text}' is not a number from {min} to {max}.", (double?)null);
    }

    private static T Error<T>(Dictionary<string, string[]> errors, string key, string message, T fallback)
    {
        errors[key] = [message];
        return fallback;
    }
}
