using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Pages;

/// <summary>Group list (by cause, endpoint or message type) and group detail with its failures and a retry-group action.</summary>
internal static class GroupPages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries)
    {
        var by = context.Request.Query["by"].ToString();
        if (FilterParser.Grouping(by) is not { } kind)
        {
            return Html.Page(context, "Groups", $"<p class=\"error\">by: '{Html.E(by)}' is not a grouping; use exception, endpoint or type.</p>", StatusCodes.Status400BadRequest);
        }

        var html = new StringBuilder("<p>Group by: ");
        foreach (var option in Enum.GetValues<GroupingKind>())
        {
            var name = FilterParser.GroupingName(option);
            html.Append(option == kind ? $"<b>{name}</b> " : $"<a href=\"{Html.E(Html.Href(context, "/groups?by=" + name))}\">{name}</a> ");
        }

        html.Append("</p>").Append(Table(context, await queries.Groups(kind, context.RequestAborted)));
        return Html.Page(context, "Failure groups", html.ToString());
    }

    public static string Table(HttpContext context, IEnumerable<FailureGroup> groups)
    {
        var html = new StringBuilder("<table><thead><tr><th>Group</th><th>Unresolved</th><th>Total</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>");
        foreach (var g in groups)
        {
            html.Append("<tr><td><a href=\"").Append(Html.E(Html.Href(context, "/groups/" + Html.Q(g.Id)))).Append("\">").Append(Html.E(g.Title)).Append("</a></td><td>")
                .Append(g.Unresolved).Append("</td><td>").Append(g.Total).Append("</td><td>").Append(Html.Time(g.FirstSeen)).Append("</td><td>")
                .Append(Html.Time(g.LastSeen)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    public static async Task<IResult> Detail(string id, HttpContext context, FailureQueries queries)
    {
        if (await queries.Group(id, context.RequestAborted) is not { } group)
        {
            return Html.Page(context, "Not found", $"<p>Group {Html.E(id)} does not exist.</p>", StatusCodes.Status404NotFound);
        }

        var (filter, _) = FilterParser.Failures(context.Request.Query);
        var html = new StringBuilder();
        html.Append("<p>").Append(group.Kind).Append(" group · ").Append(group.Unresolved).Append(" unresolved of ").Append(group.Total)
            .Append(" · first seen ").Append(Html.Time(group.FirstSeen)).Append(" · last seen ").Append(Html.Time(group.LastSeen)).Append("</p>");
        if (Html.IsOperator(context))
        {
            html.Append("<p>").Append(Html.Button(context, "/groups/" + Html.Q(group.Id) + "/retry", "Retry the group's unresolved messages")).Append("</p>");
        }

        html.Append(FailureTable.Render(context, await queries.List(filter with { GroupId = group.Id }, context.RequestAborted), "/groups/" + Html.Q(group.Id)));
        return Html.Page(context, group.Title, html.ToString());
    }
}
