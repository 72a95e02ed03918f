using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;

namespace OrderEats.Console.Web.Pages;

/// <summary>The failed-message table shared by the list and the group pages, with selection checkboxes for operators and paging links.</summary>
internal static class FailureTable
{
    public static string Render(HttpContext context, PagedResult<FailureSummary> page, string pagePath)
    {
        var operate = Html.IsOperator(context);
        var html = new StringBuilder();
        html.Append(operate ? $"<form method=\"post\" action=\"{Html.E(Html.Href(context, "/failures/retry"))}\">" : string.Empty)
            .Append("<table><thead><tr>").Append(operate ? "<th><input type=\"checkbox\" onclick=\"for(const c of document.querySelectorAll('input[name=ids]'))c.checked=this.checked\"></th>" : string.Empty)
            .Append("<th>Last failed</th><th>Message type</th><th>Endpoint</th><th>Exception</th><th>Attempts</th><th>Status</th></tr></thead><tbody>");
        foreach (var f in page.Items)
        {
            html.Append("<tr>")
                .Append(operate ? $"<td><input type=\"checkbox\" name=\"ids\" value=\"{Html.E(f.Id)}\"></td>" : string.Empty)
                .Append("<td><a href=\"").Append(Html.E(Html.Href(context, "/failures/" + Html.Q(f.Id)))).Append("\">").Append(Html.Time(f.LastFailed)).Append("</a></td>")
                .Append("<td>").Append(Html.E(f.MessageType)).Append("</td><td>").Append(Html.E(f.Endpoint)).Append("</td>")
                .Append("<td><b>").Append(Html.E(f.ExceptionType)).Append("</b><br>").Append(Html.E(Shorten(f.ExceptionMessage))).Append("</td>")
                .Append("<td>").Append(f.Attempts).Append("</td><td>").Append(Html.Status(f.Status)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (operate)
        {
            html.Append("<p><button type=\"submit\">Retry selected</button></p></form>");
        }

        var pages = Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);
        html.Append("<p>").Append(page.Total).Append(" message(s), page ").Append(page.Page).Append(" of ").Append(pages).Append(' ');
        if (page.Page > 1)
        {
            html.Append(Link(context, pagePath, page.Page - 1, "« previous")).Append(' ');
        }

        if (page.Page < pages)
        {
            html.Append(Link(context, pagePath, page.Page + 1, "next »"));
        }

        return html.Append("</p>").ToString();
    }

    private static string Link(HttpContext context, string path, int page, string label)
    {
        var query = context.Request.Query.Where(q => q.Key != "page").Select(q => Html.Q(q.Key) + "=" + Html.Q(q.Value.ToString())).Append("page=" + page);
        return $"<a href=\"{Html.E(Html.Href(context, path) + "?" + string.Join('&', query))}\">{label}</a>";
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
}
