using System.Threading.Channels;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;

namespace OrderEats.Console.Alerts;

/// <summary>Alerts waiting for the webhook sender; ingestion only enqueues, so a slow or broken webhook never holds it up.</summary>
internal sealed class AlertQueue(ConsoleOptions options)
{
    private readonly Channel<NewGroupAlert> channel = Channel.CreateUnbounded<NewGroupAlert>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<NewGroupAlert> Reader => channel.Reader;

    public void NewGroup(FailureGroup group, ParsedFailure failure, string failureId)
    {
        if (options.AlertWebhook is null)
        {
            return;
        }

        channel.Writer.TryWrite(new NewGroupAlert(
            "NewFailureGroup", group.Id, group.Kind.ToString(), group.Title, failure.ExceptionType, failure.ExceptionMessage, failure.Endpoint, failure.MessageType,
            failureId, failure.MessageId, group.FirstSeen));
    }

    public void HeartbeatLost(string endpoint, string host, string instanceId, DateTimeOffset lastSeen)
    {
        if (options.AlertWebhook is not null)
        {
            channel.Writer.TryWrite(new NewGroupAlert(
                "HeartbeatLost", instanceId, "Heartbeat", $"Endpoint {endpoint} on {host} stopped sending heartbeats", string.Empty, string.Empty, endpoint, string.Empty,
                string.Empty, string.Empty, lastSeen));
        }
    }
}
