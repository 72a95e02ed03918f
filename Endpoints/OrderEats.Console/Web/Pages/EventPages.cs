using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Pages;

/// <summary>The event log page and the event table used on the dashboard and detail pages.</summary>
internal static class EventPages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries) =>
        Html.Page(context, "Events", Table(context, await queries.Events(500, null, context.RequestAborted)));

    public static string Table(HttpContext context, IReadOnlyList<ConsoleEvent> events)
    {
        var html = new StringBuilder("<table><thead><tr><th>At</th><th>Event</th><th>What</th><th>By</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            var link = e.FailureId is { } failure ? Html.Href(context, "/failures/" + Html.Q(failure))
                : e.GroupId is { } group ? Html.Href(context, "/groups/" + Html.Q(group)) : null;
            html.Append("<tr><td>").Append(Html.Time(e.At)).Append("</td><td>")
                .Append(link is null ? Html.E(e.Kind) : $"<a href=\"{Html.E(link)}\">{Html.E(e.Kind)}</a>")
                .Append("</td><td>").Append(Html.E(e.Text)).Append("</td><td>").Append(Html.E(e.User)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
