using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;

namespace OrderEats.Console.Web;

/// <summary>HTML building blocks: encoding (everything from a message goes through <see cref="E"/>), links, the layout.</summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#222}header{background:#243447;color:#fff;padding:.6em 1em;display:flex;gap:1.2em;align-items:center}
        header a{color:#fff;text-decoration:none}header form{margin-left:auto}main{padding:1em}table{border-collapse:collapse;width:100%}
        th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.92em}pre{background:#f6f8fa;padding:.8em;overflow:auto;white-space:pre-wrap}
        .status-Unresolved{color:#b00020}.status-RetryIssued{color:#a06000}.status-Resolved{color:#1b7f2a}.status-Archived{color:#777}
        .cards{display:flex;gap:1em}.card{border:1px solid #ddd;padding:.8em 1.2em;border-radius:6px}.card b{font-size:1.6em;display:block}
        .error{color:#b00020}form.inline{display:inline}.filters input,.filters select{margin-right:.5em}.login{display:grid;gap:.6em;max-width:20em}
        """;

    public static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string Q(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    public static string Href(HttpContext context, string path) => context.Request.PathBase + path;

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Status(FailureStatus status) => $"<span class=\"status-{status}\">{status}</span>";

    public static bool IsOperator(HttpContext context) => context.User.IsInRole(nameof(ConsoleRole.Operator));

    public static string Button(HttpContext context, string path, string label, string? hidden = null) =>
        $"<form class=\"inline\" method=\"post\" action=\"{E(Href(context, path))}\">{hidden}<button type=\"submit\">{E(label)}</button></form>";

    public static IResult Page(HttpContext context, string title, string content, int statusCode = StatusCodes.Status200OK)
    {
        var user = context.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · OrderEats console</title><style>")
            .Append(Style).Append("</style></head><body><header><strong>OrderEats console</strong>");
        if (user is not null)
        {
            foreach (var (path, label) in new[] { ("/", "Dashboard"), ("/failures", "Failed messages"), ("/groups", "Groups"), ("/events", "Events"), ("/sagas", "Sagas"), ("/endpoints", "Endpoints") })
            {
                html.Append("<a href=\"").Append(E(Href(context, path))).Append("\">").Append(label).Append("</a>");
            }

            html.Append("<form method=\"post\" action=\"").Append(E(Href(context, "/logout"))).Append("\">").Append(E(user)).Append(IsOperator(context) ? " (operator) " : " (reader) ")
                .Append("<button type=\"submit\">Log out</button></form>");
        }

        html.Append("</header><main><h1>").Append(E(title)).Append("</h1>").Append(content).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
