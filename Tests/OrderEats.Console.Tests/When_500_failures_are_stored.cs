using OrderEats.Engine.ConsoleReporting;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Monitoring;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Transport;
using OrderEats.Sagas;

namespace OrderEats.Console.Tests;

// Page weights with 500 failures stored: the list shows a page of 50, the detail one message, the order view one OrderSaga with its failures.
[TestFixture]
public class When_500_failures_are_stored
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const int Count = 500;

    [Test]
    public async Task Should_keep_the_list_the_detail_and_the_order_view_light()
    {
        await using var harness = await ConsoleHarness.Start();
        var orderId = Guid.NewGuid();
        var sagaId = await AuditAnOrder(harness, orderId);
        var ids = await Inject(harness, orderId);
        using var client = await harness.Login("operator");

        var list = await client.GetByteArrayAsync("/failures");
        var detail = await client.GetByteArrayAsync("/failures/" + ids[^1]);
        var order = await client.GetByteArrayAsync("/sagas/" + sagaId);
        var failureOfTheOrder = await client.GetStringAsync("/failures/" + (await client.Failures("?q=poison-order-100")).Items.Single().Id);
        var orderHtml = Encoding.UTF8.GetString(order);
        await TestContext.Progress.WriteLineAsync(
            $"Page weights with {Count} failures stored: list {list.Length / 1024.0:F1} KB, detail {detail.Length / 1024.0:F1} KB, order view {order.Length / 1024.0:F1} KB");

        Assert.Multiple(() =>
        {
            Assert.That(orderHtml, Does.Contain("data-state=\"Paid\" data-current=\"true\"").And.Contain("poison-order-"), "the order view shows the saga and its failures");
            Assert.That(failureOfTheOrder, Does.Contain($"href=\"/sagas/{sagaId}\""), "a failed message links to its order");
            Assert.That(list, Has.Length.LessThan(200 * 1024));
            Assert.That(detail, Has.Length.LessThan(200 * 1024));
            Assert.That(order, Has.Length.LessThan(200 * 1024));
        });
    }

    private static async Task<List<string>> Inject(ConsoleHarness harness, Guid orderId)
    {
        var raw = harness.RawTransport();
        var stored = new List<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Changes.Changed += change =>
        {
            if (change.Kind == "Ingested")
            {
                lock (stored)
                {
                    stored.Add(change.FailureId!);
                    if (stored.Count == Count)
                    {
                        all.TrySetResult();
                    }
                }
            }
        };
        var operations = Enumerable.Range(0, Count).Select(i =>
        {
            var id = i % 100 == 0 ? "poison-order-" + i : "failure-" + i;
            var order = i % 100 == 0 ? orderId : Guid.NewGuid();
            var body = JsonSerializer.Serialize(new
            {
                orderId = order, customerId = Guid.NewGuid(), restaurantId = Guid.NewGuid(),
                lines = Enumerable.Range(1, 4).Select(n => new { menuItemId = Guid.NewGuid(), name = "Margherita " + n, quantity = n, unitPrice = new { amount = 9.5m, currency = "EUR" } }),
                total = new { amount = 95m, currency = "EUR" },
            });
            var headers = FailureHeaders.Add(
                new Dictionary<string, string>
                {
                    [Headers.MessageId] = id, [Headers.EnclosedMessageTypes] = "OrderEats.Messages.Commands.PlaceOrder", [Headers.ContentType] = "application/json",
                    [Headers.ConversationId] = Guid.NewGuid().ToString(), [Headers.TimeSent] = Clock.GetUtcNow().ToString("O"), [Headers.ProcessingAttempts] = "9",
                },
                i % 2 == 0 ? Failures.Thrown($"Gateway timeout after {i} ms") : Failures.ThrownElsewhere($"Order {order} not found"), "orders", "orders", "host-1", Clock.GetUtcNow());
            return TransportOperation.Send(new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes(body)), "error");
        }).ToList();
        await raw.Dispatch(operations);
        await all.Task.WaitAsync(TimeSpan.FromMinutes(3));
        return stored;
    }

    // OrderSaga's graph from an endpoint's heartbeat, and three audit records of one order as the endpoint would send them.
    private static async Task<Guid> AuditAnOrder(ConsoleHarness harness, Guid orderId)
    {
        var configuration = new EndpointConfiguration("cons-weights-orders") { MaxConcurrency = 1 };
        configuration.UseLearningTransport(harness.Infrastructure.LearningFolder);
        configuration.UseInMemoryPersistence();
        configuration.AddHandler<OrderSaga>();
        configuration.SendHeartbeatsTo("console", TimeSpan.FromHours(1));
        var beat = harness.Changes.WaitFor(c => c.Kind == "Heartbeat");
        var endpoint = await EndpointInstance.Start(configuration, new ServiceCollection().AddLogging().BuildServiceProvider());
        await beat.WaitAsync(ConsoleHarness.Timeout);
        await endpoint.Stop();

        var sagaId = Guid.NewGuid();
        var start = Clock.GetUtcNow().AddMinutes(-2);
        string Data(string status) => JsonSerializer.Serialize(new { orderId, status, total = new { amount = 95m, currency = "EUR" }, lines = 4 });
        AuditMessage Message(string type, string intent, DateTimeOffset at, string? destination = null, string? timeoutId = null, DateTimeOffset? due = null) =>
            new(Guid.NewGuid().ToString(), "OrderEats.Messages." + type, intent, destination, at, due, timeoutId, new Dictionary<string, string> { [Headers.OriginatingEndpoint] = "orders" }, "{\"orderId\":\"" + orderId + "\"}");
        var paymentTimeout = new AuditTimeout(Guid.NewGuid(), "OrderEats.Sagas.PaymentTimeout", start.AddMinutes(5));
        var kitchenTimeout = new AuditTimeout(Guid.NewGuid(), "OrderEats.Sagas.KitchenTimeout", start.AddMinutes(6));
        var records = new List<AuditRecord>
        {
            new("OrderEats.Sagas.OrderSaga", sagaId, orderId.ToString(), "orders", start, Message("Commands.PlaceOrder", "Send", start), true, false, null, Data("Submitted"),
                [Message("Commands.ChargePayment", "Send", start, "payments"), Message("Sagas.PaymentTimeout", "Send", start, "orders", paymentTimeout.TimeoutId.ToString(), paymentTimeout.Due)],
                [paymentTimeout], [], [paymentTimeout], null),
            new("OrderEats.Sagas.OrderSaga", sagaId, orderId.ToString(), "orders", start.AddSeconds(1), Message("Replies.PaymentCharged", "Reply", start.AddSeconds(1)), false, false,
                Data("Submitted"), Data("Paid"),
                [Message("Commands.PrepareOrder", "Send", start.AddSeconds(1), "kitchen"), Message("Sagas.KitchenTimeout", "Send", start.AddSeconds(1), "orders", kitchenTimeout.TimeoutId.ToString(), kitchenTimeout.Due)],
                [kitchenTimeout], [paymentTimeout], [kitchenTimeout], null),
        };
        var audited = harness.Changes.WaitFor(c => c.Kind == "SagaAudited" && c.Detail == sagaId.ToString());
        await harness.RawTransport().Dispatch([TransportOperation.Send(
            new OutgoingMessage(Guid.NewGuid().ToString(), new Dictionary<string, string> { [Headers.ControlMessage] = "SagaAudit" }, JsonSerializer.SerializeToUtf8Bytes(records, SagaStore.Json)),
            "console.audit")]);
        await audited.WaitAsync(ConsoleHarness.Timeout);
        return sagaId;
    }
}
