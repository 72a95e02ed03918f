using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Svg;

namespace OrderEats.Console.Web.Pages;

/// <summary>The saga list (search by type, state, correlation value, age) and the order view: graph, timeline, pending timeouts, failures.</summary>
internal static class SagaPages
{
    public static async Task<IResult> List(HttpContext context, SagaStore sagas, TimeProvider time)
    {
        var (filter, errors) = MonitoringFilters.Sagas(context.Request.Query);
        if (errors.Count > 0)
        {
            return Html.Page(context, "Sagas", string.Join(string.Empty, errors.Select(e => $"<p class=\"error\">{Html.E(e.Key)}: {Html.E(e.Value[0])}</p>")), StatusCodes.Status400BadRequest);
        }

        var page = await sagas.List(filter, time.GetUtcNow(), context.RequestAborted);
        var query = context.Request.Query;
        var html = new StringBuilder();
        html.Append("<form class=\"filters\" method=\"get\">")
            .Append(Input("type", "Saga type", query["type"])).Append(Input("state", "State", query["state"])).Append(Input("correlation", "Order id / correlation", query["correlation"]))
            .Append("<select name=\"completed\"><option value=\"\">running and completed</option>")
            .Append(Option("false", "running only", query["completed"])).Append(Option("true", "completed only", query["completed"])).Append("</select>")
            .Append(Input("maxAgeMinutes", "started within (min)", query["maxAgeMinutes"])).Append(Input("minAgeMinutes", "older than (min)", query["minAgeMinutes"]))
            .Append("<button type=\"submit\">Search</button></form>")
            .Append("<table class=\"sagas\"><thead><tr><th>Correlation</th><th>Saga</th><th>State</th><th>Started</th><th>Updated</th><th>Pending timeouts</th><th>Endpoint</th></tr></thead><tbody>");
        foreach (var saga in page.Items)
        {
            html.Append("<tr><td><a href=\"").Append(Html.E(Html.Href(context, "/sagas/" + saga.SagaId))).Append("\">").Append(Html.E(saga.Correlation)).Append("</a></td><td>")
                .Append(Html.E(SagaGraphSvg.Short(saga.SagaType))).Append("</td><td>").Append(Html.E(saga.State)).Append(saga.Completed ? " (completed)" : string.Empty)
                .Append("</td><td>").Append(Html.Time(saga.Started)).Append("</td><td>").Append(Html.Time(saga.Updated)).Append("</td><td>").Append(saga.PendingTimeouts)
                .Append("</td><td>").Append(Html.E(saga.Endpoint)).Append("</td></tr>");
        }

        html.Append("</tbody></table><p>").Append(page.Total).Append(" saga(s), page ").Append(page.Page).Append("</p>");
        if (page.Page * page.PageSize < page.Total)
        {
            var next = string.Join('&', query.Where(q => q.Key != "page").Select(q => Html.Q(q.Key) + "=" + Html.Q(q.Value.ToString())).Append("page=" + (page.Page + 1)));
            html.Append("<p><a href=\"").Append(Html.E(Html.Href(context, "/sagas?" + next))).Append("\">next »</a></p>");
        }

        return Html.Page(context, "Sagas", html.ToString());
    }

    public static async Task<IResult> Detail(string id, HttpContext context, SagaStore sagas, FailureQueries failures)
    {
        if (!Guid.TryParse(id, out var sagaId) || await sagas.Detail(sagaId, context.RequestAborted) is not { } detail)
        {
            return Html.Page(context, "Not found", $"<p>Saga {Html.E(id)} is not known (never audited, or completed longer ago than the retention window).</p>", StatusCodes.Status404NotFound);
        }

        var saga = detail.Saga;
        var view = SagaView.Of(detail);
        var html = new StringBuilder();
        html.Append("<p>").Append(Html.E(saga.SagaType)).Append(" · instance ").Append(saga.SagaId).Append(" · endpoint ").Append(Html.E(saga.Endpoint))
            .Append(" · state <b id=\"current-state\">").Append(Html.E(saga.State)).Append("</b>").Append(saga.Completed ? " (completed)" : string.Empty)
            .Append(" · started ").Append(Html.Time(saga.Started)).Append(" · updated ").Append(Html.Time(saga.Updated)).Append("</p>");
        html.Append("<h2>Graph</h2>");
        html.Append(detail.Graph is null
            ? "<p>The graph of this saga type is not known yet: it arrives with the hosting endpoint's heartbeat.</p>"
            : SagaGraphSvg.Render(detail.Graph, view.Current, view.Visited, view.Taken)
                + "<p class=\"legend\">filled: current state · tinted: passed through · white: still reachable · grey: no longer reachable · green arrows: transitions taken · dashed: timeouts</p>");
        html.Append("<h2>Pending timeouts</h2>").Append(PendingTimeouts(context, saga, detail.PendingTimeouts));
        var conversationFailures = await failures.List(new FailureFilter { Text = saga.Correlation, PageSize = 50 }, context.RequestAborted);
        html.Append("<h2>Failed messages</h2>")
            .Append(conversationFailures.Total == 0 ? "<p>None.</p>" : FailureTable.Render(context, conversationFailures, "/sagas/" + saga.SagaId));
        html.Append("<h2>Timeline</h2>").Append(Timeline(detail));
        html.Append("<h2>Current data</h2><pre>").Append(Html.E(ConsoleJson.Pretty(detail.StateJson))).Append("</pre>");
        return Html.Page(context, SagaGraphSvg.Short(saga.SagaType) + " " + saga.Correlation, html.ToString());
    }

    public static async Task<IResult> Cancel(string id, string timeoutId, HttpContext context, TimeoutCanceller canceller)
    {
        if (!Guid.TryParse(id, out var sagaId) || !Guid.TryParse(timeoutId, out var timeout))
        {
            return Html.Page(context, "Not found", "<p>Saga and timeout ids are Guids.</p>", StatusCodes.Status404NotFound);
        }

        return await canceller.Cancel(sagaId, timeout, ApiEndpoints.User(context), context.RequestAborted) switch
        {
            null => Html.Page(context, "Not found", $"<p>Saga {Html.E(id)} is not known.</p>", StatusCodes.Status404NotFound),
            false => Html.Page(context, "Not pending", $"<p class=\"error\">Timeout {Html.E(timeoutId)} is not pending any more (fired, cancelled, or the saga completed).</p>", StatusCodes.Status409Conflict),
            true => Results.Redirect(Html.Href(context, "/sagas/" + sagaId + "?cancelRequested=" + timeout)),
        };
    }

    private static string PendingTimeouts(HttpContext context, SagaSummary saga, IReadOnlyList<AuditTimeout> pending)
    {
        if (pending.Count == 0)
        {
            return "<p id=\"pending-timeouts\">None.</p>";
        }

        var requested = context.Request.Query["cancelRequested"].ToString();
        var html = new StringBuilder("<table id=\"pending-timeouts\"><thead><tr><th>Timeout</th><th>Due</th><th>Id</th><th></th></tr></thead><tbody>");
        foreach (var timeout in pending.OrderBy(t => t.Due))
        {
            html.Append("<tr data-timeout=\"").Append(timeout.TimeoutId).Append("\"><td><a href=\"#timeout-").Append(timeout.TimeoutId).Append("\">")
                .Append(Html.E(SagaGraphSvg.Short(timeout.MessageType))).Append("</a></td><td>").Append(Html.Time(timeout.Due)).Append("</td><td>").Append(timeout.TimeoutId).Append("</td><td>");
            if (requested == timeout.TimeoutId.ToString())
            {
                html.Append("cancel requested…");
            }
            else if (Html.IsOperator(context))
            {
                html.Append(Html.Button(context, $"/sagas/{saga.SagaId}/timeouts/{timeout.TimeoutId}/cancel", "Cancel timeout"));
            }

            html.Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Timeline(SagaDetail detail)
    {
        var html = new StringBuilder("<table id=\"timeline\"><thead><tr><th>At</th><th>Incoming</th><th>State change</th><th>Outgoing</th></tr></thead><tbody>");
        foreach (var record in detail.Timeline)
        {
            var incoming = record.Incoming;
            html.Append("<tr id=\"msg-").Append(Html.E(incoming.MessageId)).Append("\"><td>").Append(Html.Time(record.ProcessedAt)).Append("</td><td><b>")
                .Append(Html.E(SagaGraphSvg.Short(incoming.MessageType))).Append("</b>");
            if (record.FiredTimeoutId is { } fired)
            {
                html.Append("<br>timeout fired: <a href=\"#timeout-").Append(Html.E(fired)).Append("\">requested here</a>");
            }

            html.Append("<br><small>").Append(Html.E(incoming.MessageId)).Append(incoming.TimeSent is { } sent ? " · sent " + Html.Time(sent) : string.Empty)
                .Append(incoming.Headers.TryGetValue(Engine.Headers.OriginatingEndpoint, out var from) ? " · from " + Html.E(from) : string.Empty).Append("</small>");
            if (record.Note is { } note)
            {
                html.Append("<br><i>").Append(Html.E(note)).Append("</i>");
            }

            html.Append("</td><td>");
            var before = record.StateBefore is null ? SagaGraphModel.Start : SagaStateReader.State(record.StateBefore, detail.Graph, completed: false);
            var after = SagaStateReader.State(record.StateAfter, detail.Graph, record.Completed);
            html.Append(Html.E(before)).Append(" → <b>").Append(Html.E(after)).Append("</b>").Append(record.Completed ? " (completed)" : string.Empty).Append("<ul>");
            foreach (var (property, old, now) in StateDiff.Compute(record.StateBefore, record.StateAfter))
            {
                html.Append("<li><code>").Append(Html.E(property)).Append("</code>: ").Append(Html.E(Shorten(old ?? "—"))).Append(" → ").Append(Html.E(Shorten(now ?? "—"))).Append("</li>");
            }

            html.Append("</ul></td><td><ul>");
            foreach (var message in record.Outgoing)
            {
                html.Append("<li");
                if (message.TimeoutId is { } requested)
                {
                    html.Append(" id=\"timeout-").Append(Html.E(requested)).Append("\">timeout requested <b>").Append(Html.E(SagaGraphSvg.Short(message.MessageType))).Append("</b> due ")
                        .Append(message.DeliverAt is { } due ? Html.Time(due) : "?");
                    var firedBy = detail.Timeline.FirstOrDefault(r => r.FiredTimeoutId == requested);
                    var cancelledBy = detail.Timeline.FirstOrDefault(r => r.TimeoutsCancelled.Any(t => t.TimeoutId.ToString() == requested));
                    html.Append(firedBy is not null ? $" · <a href=\"#msg-{Html.E(firedBy.Incoming.MessageId)}\">fired {Html.Time(firedBy.ProcessedAt)}</a>"
                        : cancelledBy is not null ? $" · <a href=\"#msg-{Html.E(cancelledBy.Incoming.MessageId)}\">cancelled {Html.Time(cancelledBy.ProcessedAt)}</a>"
                        : detail.PendingTimeouts.Any(t => t.TimeoutId.ToString() == requested) ? " · pending" : string.Empty);
                }
                else
                {
                    html.Append('>').Append(Html.E(message.Intent)).Append(" <b>").Append(Html.E(SagaGraphSvg.Short(message.MessageType))).Append("</b>")
                        .Append(message.Destination is { } to ? " → " + Html.E(to) : string.Empty);
                }

                html.Append("</li>");
            }

            foreach (var cancelled in record.TimeoutsCancelled)
            {
                html.Append("<li>cancelled timeout <a href=\"#timeout-").Append(cancelled.TimeoutId).Append("\">").Append(Html.E(SagaGraphSvg.Short(cancelled.MessageType))).Append("</a></li>");
            }

            html.Append("</ul></td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Input(string name, string placeholder, string? value) =>
        $"<input name=\"{name}\" placeholder=\"{Html.E(placeholder)}\" value=\"{Html.E(value)}\">";

    private static string Option(string value, string label, string? selected) =>
        $"<option value=\"{value}\"{(selected == value ? " selected" : string.Empty)}>{Html.E(label)}</option>";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
