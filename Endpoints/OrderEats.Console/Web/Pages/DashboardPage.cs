using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Pages;

/// <summary>The dashboard: counts by status, the largest failure groups, recent events.</summary>
internal static class DashboardPage
{
    public static async Task<IResult> Render(HttpContext context, FailureQueries queries)
    {
        var counts = await queries.CountByStatus(context.RequestAborted);
        var html = new StringBuilder("<div class=\"cards\">");
        foreach (var status in Enum.GetValues<FailureStatus>())
        {
            html.Append("<a class=\"card\" href=\"").Append(Html.E(Html.Href(context, "/failures?status=" + status))).Append("\"><b>").Append(counts[status])
                .Append("</b>").Append(Html.Status(status)).Append("</a>");
        }

        var latest = await queries.List(new FailureFilter { Status = FailureStatus.Unresolved, PageSize = 10 }, context.RequestAborted);
        html.Append("</div><h2>Latest unresolved failures</h2>").Append(FailureTable.Render(context, latest, "/failures"))
            .Append("<h2>Failure groups</h2>")
            .Append(GroupPages.Table(context, (await queries.Groups(GroupingKind.Exception, context.RequestAborted)).Where(g => g.Unresolved > 0).Take(10)))
            .Append("<h2>Recent events</h2>").Append(EventPages.Table(context, await queries.Events(20, null, context.RequestAborted)));
        return Html.Page(context, "Dashboard", html.ToString());
    }
}
