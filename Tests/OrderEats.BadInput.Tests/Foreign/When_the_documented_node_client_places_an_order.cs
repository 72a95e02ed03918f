using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Payments.Ledger;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>
/// The Node.js (amqplib) example of docs/wire-format.md, run verbatim against the real system: a valid order ends Completed at the menu price; an
/// invalid one ends Rejected with its reasons and no charge. And docs/asyncapi.json passes the reference AsyncAPI parser.
/// </summary>
[TestFixture]
public sealed class When_the_documented_node_client_places_an_order
{
    [Test]
    public async Task Should_see_a_valid_order_completed_at_the_menu_price()
    {
        var result = await RunExample(quantity: 2);
        var orderId = result.RootElement.GetProperty("orderId").GetGuid();
        var ledger = (await ForeignSetUp.System.Services.GetRequiredService<PaymentsLedger>().ReadAll()).Where(e => e.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(result.RootElement.GetProperty("status").GetString(), Is.EqualTo("Completed"));
            Assert.That(result.RootElement.GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(19.00m));
            Assert.That(ledger.Select(e => (e.Kind, e.Amount)), Is.EqualTo(new[] { (LedgerKind.Charge, 19.00m) }));
        });
    }

    [Test]
    public async Task Should_see_an_invalid_order_rejected_with_its_reasons_and_not_charged()
    {
        var result = await RunExample(quantity: -2);
        var orderId = result.RootElement.GetProperty("orderId").GetGuid();
        var ledger = (await ForeignSetUp.System.Services.GetRequiredService<PaymentsLedger>().ReadAll()).Where(e => e.OrderId == orderId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(result.RootElement.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
            Assert.That(result.RootElement.GetProperty("errors").TryGetProperty("lines[0].quantity", out _), Is.True, result.RootElement.ToString());
            Assert.That(ledger, Is.Empty);
        });
    }

    [Test]
    public async Task Should_publish_a_valid_asyncapi_3_document()
    {
        var (code, output, error) = await NodeClient.Run("validate-asyncapi.mjs", new Dictionary<string, string>(), Path.Combine(NodeClient.Repository, "docs", "asyncapi.json"));
        Assert.That(code, Is.Zero, output + error);
    }

    private static async Task<JsonDocument> RunExample(int quantity)
    {
        var (code, output, error) = await NodeClient.Run(NodeClient.DocumentedExample(), new Dictionary<string, string>
        {
            ["AMQP_URL"] = BrokerSetUp.AmqpUri,
            ["CUSTOMER_ID"] = ForeignSetUp.CustomerId.ToString(),
            ["RESTAURANT_ID"] = ForeignSetUp.RestaurantId.ToString(),
            ["MENU_ITEM_ID"] = ForeignSetUp.Margherita.ToString(),
            ["QUANTITY"] = quantity.ToString(CultureInfo.InvariantCulture),
        });
        Assert.That(code, Is.Zero, $"the documented example failed:\n{output}\n{error}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]);
    }
}
