using System.Globalization;
using System.Text;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.RabbitMQ.Tests;

internal static class TestMessages
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static OutgoingMessage New(string text, IDictionary<string, string>? extraHeaders = null)
    {
        var id = Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.ContentType] = "application/json",
            [Headers.EnclosedMessageTypes] = "OrderEats.Messages.Commands.PlaceOrder",
            [Headers.TimeSent] = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            headers[name] = value;
        }

        return new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"));
    }
}
