using System.Text;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Web.Svg;

namespace OrderEats.Console.Web.Pages;

/// <summary>The endpoints page: every instance with its heartbeat status, its metrics over 1/5/15/60 minutes, and small charts of the last hour.</summary>
internal static class EndpointPages
{
    public static IResult List(HttpContext context, EndpointRegistry registry, MonitoringOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var instances = registry.Instances();
        var html = new StringBuilder();
        html.Append("<p>Heartbeats are expected every interval; an instance silent for ").Append(options.HeartbeatGrace.TotalSeconds).Append(" s is dead.</p>");
        if (instances.Count == 0)
        {
            html.Append("<p>No endpoint has sent a heartbeat yet. Endpoints report when OrderEats:Console:Queue is set.</p>");
        }

        html.Append("<table id=\"endpoints\"><thead><tr><th>Endpoint</th><th>Host</th><th>Status</th><th>Last heartbeat</th><th>Window</th><th>Throughput</th><th>Retries</th>")
            .Append("<th>Processing avg / max</th><th>Critical avg / max</th><th>Queue</th></tr></thead><tbody>");
        foreach (var instance in instances)
        {
            var windows = MetricsWindow.Windows.Select(m => MetricsWindow.Over(instance.History, now, m)).ToList();
            for (var i = 0; i < windows.Count; i++)
            {
                var w = windows[i];
                html.Append("<tr data-endpoint=\"").Append(Html.E(instance.Endpoint)).Append("\" data-status=\"").Append(instance.Status).Append("\">");
                if (i == 0)
                {
                    html.Append("<td rowspan=\"4\"><b>").Append(Html.E(instance.Endpoint)).Append("</b><br><small>").Append(Html.E(instance.InstanceId)).Append("</small></td><td rowspan=\"4\">")
                        .Append(Html.E(instance.Host)).Append("</td><td rowspan=\"4\" class=\"").Append(instance.Status == InstanceStatus.Alive ? "status-Resolved" : "status-Unresolved").Append("\">")
                        .Append(instance.Status).Append("</td><td rowspan=\"4\">").Append(Html.Time(instance.LastSeen)).Append("</td>");
                }

                html.Append("<td>").Append(w.Minutes).Append(" min</td><td>").Append(Sparkline.Format(w.ThroughputPerSecond)).Append(" msg/s</td><td>").Append(w.Retries)
                    .Append("</td><td>").Append(Sparkline.Format(w.ProcessingMsAverage)).Append(" / ").Append(Sparkline.Format(w.ProcessingMsMax)).Append(" ms</td><td>")
                    .Append(Sparkline.Format(w.CriticalMsAverage)).Append(" / ").Append(Sparkline.Format(w.CriticalMsMax)).Append(" ms</td><td>")
                    .Append(w.QueueLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?").Append("</td></tr>");
            }
        }

        html.Append("</tbody></table>");
        foreach (var instance in instances)
        {
            var history = instance.History;
            html.Append("<h2>").Append(Html.E(instance.Endpoint)).Append(" on ").Append(Html.E(instance.Host)).Append(" — last hour</h2><div class=\"cards\" style=\"flex-wrap:wrap\">")
                .Append(Sparkline.Render("Throughput", history.Select(m => m.Processed / Math.Max(1, (m.To - m.From).TotalSeconds)).ToList(), "msg/s"))
                .Append(Sparkline.Render("Queue length", history.Select(m => (double)(m.QueueLength ?? 0)).ToList(), "msgs"))
                .Append(Sparkline.Render("Processing time", history.Select(m => m.ProcessingMsAverage).ToList(), "ms"))
                .Append(Sparkline.Render("Critical time", history.Select(m => m.CriticalMsAverage).ToList(), "ms"))
                .Append(Sparkline.Render("Retries", history.Select(m => (double)m.Failed).ToList(), "per interval"))
                .Append("</div>");
        }

        return Html.Page(context, "Endpoints", html.ToString());
    }
}
