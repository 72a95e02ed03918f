using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Console.Model;

namespace OrderEats.Console.Alerts;

/// <summary>POSTs each alert to Console:AlertWebhook with a timeout; a failed call is logged and dropped, never retried into ingestion.</summary>
internal sealed class AlertWebhookSender(AlertQueue queue, ConsoleOptions options, IHttpClientFactory clients, ConsoleChanges changes, ILogger<AlertWebhookSender> logger)
    : BackgroundService
{
    public const string ClientName = "OrderEats.Console.Alerts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.AlertWebhook is not { } url)
        {
            return;
        }

        await foreach (var alert in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.AlertTimeout);
            try
            {
                using var client = clients.CreateClient(ClientName);
                using var response = await client.PostAsJsonAsync(url, alert, timeout.Token);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Alert webhook {Url} answered {StatusCode} for new group {GroupId}", url, (int)response.StatusCode, alert.GroupId);
                }

                changes.Raise(new ConsoleChange("AlertSent", alert.FailureId, alert.MessageId, null, Detail: alert.GroupId));
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Alert webhook {Url} failed for new group {GroupId} within {Timeout}; the alert is dropped (the group is in the event log)", url, alert.GroupId, options.AlertTimeout);
                changes.Raise(new ConsoleChange("AlertFailed", alert.FailureId, alert.MessageId, null, Detail: alert.GroupId));
            }
        }
    }
}
