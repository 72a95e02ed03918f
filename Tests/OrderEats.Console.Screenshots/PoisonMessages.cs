using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Screenshots;

/// <summary>
/// Messages no endpoint can process, sent straight to the services' queues the way a misbehaving client would: they reach the error queue
/// and the console, so the failure pages have real failures with real stack traces to show.
/// </summary>
internal static class PoisonMessages
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>The message whose page is the "failure" screenshot.</summary>
    public const string Showcase = "poison-plain-1";

    public static async Task<Dictionary<string, string>> Inject(ConsoleUnderTest console)
    {
        var messages = new List<(string Id, string Queue, string Type, string Body)>();
        for (var i = 1; i <= 4; i++)
        {
            messages.Add(($"poison-plain-{i}", "orders", "OrderEats.Messages.Commands.PlaceOrder", "base64:this is plain text, not base64!"));
        }

        for (var i = 1; i <= 3; i++)
        {
            messages.Add(($"poison-guid-{i}", "orders", "OrderEats.Messages.Commands.PlaceOrder", $"{{\"orderId\":\"order-{i}\",\"customerId\":\"c-{i}\",\"lines\":[]}}"));
            messages.Add(($"poison-cut-{i}", "kitchen", "OrderEats.Messages.Commands.PrepareOrder", "{\"orderId\":\"" + Guid.NewGuid() + "\",\"lines\":["));
        }

        messages.Add(("poison-type-1", "payments", "OrderEats.Messages.Commands.ChargeGiftCard", "{\"amount\":12.5}"));
        messages.Add(("poison-type-2", "notifications", "OrderEats.Messages.Events.OrderShipped", "{\"orderId\":\"" + Guid.NewGuid() + "\"}"));
        messages.Add(("poison-large-1", "orders", "OrderEats.Messages.Commands.PlaceOrder", "{\"orderId\":17,\"note\":\"" + new string('n', 150 * 1024) + "\"}"));

        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(Model.ConsoleChange change)
        {
            if (change.Kind == "Ingested" && change.MessageId is { } id && messages.Any(m => m.Id == id))
            {
                lock (stored)
                {
                    stored[id] = change.FailureId!;
                    if (stored.Count == messages.Count)
                    {
                        all.TrySetResult();
                    }
                }
            }
        }

        console.Changes.Changed += OnChange;
        try
        {
            var configuration = new EndpointConfiguration("screenshots");
            configuration.UseLearningTransport(console.Infrastructure.LearningFolder);
            await using var transport = configuration.TransportFactory!(console.Services);
            var now = Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            await transport.Dispatch(messages.Select(m => TransportOperation.Send(
                new OutgoingMessage(m.Id, new Dictionary<string, string>
                {
                    [Headers.MessageId] = m.Id,
                    [Headers.EnclosedMessageTypes] = m.Type,
                    [Headers.ContentType] = "application/json",
                    [Headers.TimeSent] = now,
                    [Headers.ConversationId] = Guid.NewGuid().ToString(),
                    [Headers.OriginatingEndpoint] = "partner-gateway",
                    [Headers.MessageIntent] = "Send",
                }, Encoding.UTF8.GetBytes(m.Body)), m.Queue)).ToList());
            await all.Task.WaitAsync(TimeSpan.FromMinutes(4));
            return stored;
        }
        finally
        {
            console.Changes.Changed -= OnChange;
        }
    }
}
