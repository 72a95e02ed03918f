using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Pages;

/// <summary>The failed-message list (filters, paging, selection) and the detail page (headers, body, stack trace, attempts, events, actions).</summary>
internal static class FailurePages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries)
    {
        var (filter, errors) = FilterParser.Failures(context.Request.Query);
        var html = new StringBuilder();
        foreach (var (field, messages) in errors)
        {
            html.Append("<p class=\"error\">").Append(Html.E(field)).Append(": ").Append(Html.E(string.Join(' ', messages))).Append("</p>");
        }

        var endpoints = await queries.Distinct("endpoint", context.RequestAborted);
        var types = await queries.Distinct("message_type", context.RequestAborted);
        string Value(string key) => Html.E(context.Request.Query[key].ToString());
        string Options(IEnumerable<string> values, string key) =>
            "<option value=\"\">(any)</option>" + string.Concat(values.Select(v =>
                $"<option value=\"{Html.E(v)}\"{(v == context.Request.Query[key].ToString() ? " selected" : string.Empty)}>{Html.E(v)}</option>"));
        html.Append("<form class=\"filters\" method=\"get\">")
            .Append("From <input name=\"from\" placeholder=\"2026-11-25T08:00Z\" value=\"").Append(Value("from")).Append("\"> ")
            .Append("To <input name=\"to\" value=\"").Append(Value("to")).Append("\"> ")
            .Append("Endpoint <select name=\"endpoint\">").Append(Options(endpoints, "endpoint")).Append("</select> ")
            .Append("Type <select name=\"type\">").Append(Options(types, "type")).Append("</select> ")
            .Append("Status <select name=\"status\">").Append(Options(Enum.GetNames<FailureStatus>(), "status")).Append("</select> ")
            .Append("Text <input name=\"q\" value=\"").Append(Value("q")).Append("\"> <button type=\"submit\">Filter</button></form>");
        if (Html.IsOperator(context))
        {
            html.Append("<p>").Append(Html.Button(context, "/failures/retry-all", "Retry all unresolved")).Append("</p>");
        }

        html.Append(FailureTable.Render(context, await queries.List(errors.Count > 0 ? new FailureFilter() : filter, context.RequestAborted), "/failures"));
        return Html.Page(context, "Failed messages", html.ToString(), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static async Task<IResult> Detail(string id, HttpContext context, FailureQueries queries, ConsoleOptions options)
    {
        if (await queries.Detail(id, context.RequestAborted) is not { } detail)
        {
            return Html.Page(context, "Not found", $"<p>Failure {Html.E(id)} does not exist.</p>", StatusCodes.Status404NotFound);
        }

        var s = detail.Summary;
        var path = "/failures/" + Html.Q(s.Id);
        var html = new StringBuilder();
        html.Append("<table>")
            .Append(Row("Status", Html.Status(s.Status))).Append(Row("Message id", Html.E(s.MessageId))).Append(Row("Message type", Html.E(s.MessageType)))
            .Append(Row("Endpoint", $"{Html.E(s.Endpoint)} on {Html.E(detail.Host)}")).Append(Row("Failed queue", Html.E(detail.FailedQueue)))
            .Append(Row("Exception", $"<b>{Html.E(s.ExceptionType)}</b>: {Html.E(s.ExceptionMessage)}"))
            .Append(Row("Attempts", s.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(Row("First / last failure", $"{Html.Time(s.FirstFailed)} / {Html.Time(s.LastFailed)}"))
            .Append(Row("Groups", $"<a href=\"{Html.E(Html.Href(context, "/groups/" + s.ExceptionGroupId))}\">cause</a> · "
                + $"<a href=\"{Html.E(Html.Href(context, "/groups/" + detail.EndpointGroupId))}\">endpoint</a> · <a href=\"{Html.E(Html.Href(context, "/groups/" + detail.MessageTypeGroupId))}\">message type</a>"));
        if (detail.EditedFrom is { } original)
        {
            html.Append(Row("Edited copy of", $"<a href=\"{Html.E(Html.Href(context, "/failures/" + Html.Q(original)))}\">{Html.E(original)}</a>"));
        }

        if (detail.EditMessageId is { } copy)
        {
            html.Append(Row("Edited copy sent as", Html.E(copy)));
        }

        html.Append("</table>");
        if (Html.IsOperator(context))
        {
            html.Append("<p>");
            if (s.Status == FailureStatus.Unresolved)
            {
                html.Append(Html.Button(context, path + "/retry", "Retry")).Append(' ').Append(Html.Button(context, path + "/archive", "Archive"));
            }
            else if (s.Status == FailureStatus.Archived)
            {
                html.Append(Html.Button(context, path + "/restore", "Restore"));
            }

            html.Append("</p>");
        }

        html.Append("<h2>Headers</h2><table>");
        foreach (var (key, value) in detail.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            html.Append(Row(Html.E(key), Html.E(value)));
        }

        html.Append("</table><h2>Body</h2><pre>").Append(Html.E(ConsoleJson.Pretty(detail.Body))).Append("</pre>");
        if (options.AllowEditAndRetry && Html.IsOperator(context) && s.Status == FailureStatus.Unresolved)
        {
            html.Append("<h2>Edit and retry</h2><p>Sends a copy with a new message id; the original is resolved when the copy succeeds.</p><form method=\"post\" action=\"")
                .Append(Html.E(Html.Href(context, path + "/edit-retry"))).Append("\"><textarea name=\"body\" rows=\"12\" cols=\"100\">")
                .Append(Html.E(ConsoleJson.Pretty(detail.Body))).Append("</textarea><br><button type=\"submit\">Send edited copy</button></form>");
        }

        html.Append("<h2>Stack trace</h2><pre>").Append(Html.E(detail.StackTrace)).Append("</pre><h2>Attempts</h2>");
        foreach (var attempt in detail.AttemptHistory.Reverse())
        {
            html.Append("<details><summary>Attempt ").Append(attempt.Number).Append(" — ").Append(Html.Time(attempt.TimeOfFailure)).Append(" — ")
                .Append(Html.E(attempt.Endpoint)).Append(" on ").Append(Html.E(attempt.Host)).Append(": ").Append(Html.E(attempt.ExceptionType)).Append("</summary><p>")
                .Append(Html.E(attempt.ExceptionMessage)).Append("</p><pre>").Append(Html.E(attempt.StackTrace)).Append("</pre><pre>")
                .Append(Html.E(ConsoleJson.Pretty(attempt.Body))).Append("</pre></details>");
        }

        html.Append("<h2>Events</h2>").Append(EventPages.Table(context, await queries.Events(100, s.Id, context.RequestAborted)));
        return Html.Page(context, $"{s.MessageType} — {s.MessageId}", html.ToString());
    }

    private static string Row(string name, string valueHtml) => $"<tr><th>{name}</th><td>{valueHtml}</td></tr>";
}
