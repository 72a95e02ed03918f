using System.Text.Json;

namespace OrderEats.Host.Tests;

/// <summary>docs/asyncapi.json is what the contract types generate; it tells an outside sender what the issue of the public contract asks.</summary>
[TestFixture]
public class When_the_asyncapi_document_is_generated
{
    private static string Committed => Path.Combine(FindRepository(), AsyncApiCommand.DocumentPath);

    [Test]
    public void Should_match_the_committed_document()
    {
        var generated = AsyncApiCommand.Document();
        var committed = File.ReadAllText(Committed).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.That(
            committed == generated,
            $"{AsyncApiCommand.DocumentPath} is out of date with the message types. Regenerate it: dotnet run --project Endpoints/OrderEats.Host -- asyncapi --output {AsyncApiCommand.DocumentPath}");
    }

    [Test]
    public void Should_describe_queues_exchanges_fields_answers_statuses_and_retries()
    {
        using var document = JsonDocument.Parse(AsyncApiCommand.Document());
        var root = document.RootElement;
        var messages = root.GetProperty("components").GetProperty("messages");
        var placeOrder = messages.GetProperty("PlaceOrder");
        var status = root.GetProperty("components").GetProperty("schemas").GetProperty("OrderStatus");
        var description = root.GetProperty("info").GetProperty("description").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("asyncapi").GetString(), Is.EqualTo("3.0.0"));
            Assert.That(root.GetProperty("channels").GetProperty("orders").GetProperty("address").GetString(), Is.EqualTo("orders"));
            Assert.That(root.GetProperty("channels").GetProperty("OrderEats.Messages.Events.OrderCancelled").GetProperty("bindings").GetProperty("amqp").GetProperty("exchange").GetProperty("type").GetString(), Is.EqualTo("fanout"));
            Assert.That(placeOrder.GetProperty("x-internal").GetBoolean(), Is.False);
            Assert.That(placeOrder.GetProperty("payload").GetProperty("required").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "orderId" }));
            Assert.That(placeOrder.GetProperty("payload").GetProperty("properties").GetProperty("total").GetProperty("x-computed").GetString(), Is.Not.Empty);
            Assert.That(placeOrder.GetProperty("x-answered-with").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "OrderPlaced", "OrderPlacementRejected" }));
            Assert.That(messages.GetProperty("CancelOrder").GetProperty("x-not-answered").GetString(), Does.Contain("OrderCancelled"));
            foreach (var internalMessage in new[] { "StartOrder", "ChargePayment", "RefundPayment", "PrepareOrder", "PaymentCharged", "OrderRejected" })
            {
                Assert.That(messages.GetProperty(internalMessage).GetProperty("x-internal").GetBoolean(), Is.True, internalMessage);
            }

            Assert.That(status.GetProperty("x-terminal").EnumerateArray().Select(e => e.GetString()), Is.EquivalentTo(new[] { "Completed", "Cancelled", "Rejected" }));
            Assert.That(description, Does.Contain("at least once").And.Contain("deduplicate by message_id"));
            Assert.That(description, Does.Contain("5 immediate retries").And.Contain("10 s, 20 s, 40 s"));
        });
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderEats.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderEats.sln above {AppContext.BaseDirectory}.");
    }
}
