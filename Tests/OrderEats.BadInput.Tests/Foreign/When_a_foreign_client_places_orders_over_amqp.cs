using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Orders;
using OrderEats.Orders.ReadModel;
using OrderEats.Payments.Gateway;
using OrderEats.Payments.Ledger;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>
/// The bad-input catalogue of the public contract, sent by a foreign AMQP client (RabbitMQ.Client, hand-written JSON, no engine) to the real system:
/// every invalid order is Rejected with its reason (in the reply and in GET /orders/{id}) and never charged (no ledger row, so no gateway call); a
/// body that breaks the contract, an internal command that cannot be right, or a command sent to the wrong queue reaches the error queue on its
/// first attempt with the member or the fix named; a valid order completes at the menu price.
/// </summary>
[TestFixture]
public sealed class When_a_foreign_client_places_orders_over_amqp
{
    private const string PlaceOrder = "OrderEats.Messages.Commands.PlaceOrder";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static string Line(Guid item, string quantity, string extra = "") => $"{{\"menuItemId\":\"{item}\",\"quantity\":{quantity}{extra}}}";

    private static string Order(Guid orderId, string lines, Guid? customer = null, Guid? restaurant = null, string extra = "") =>
        $"{{\"orderId\":\"{orderId}\",\"customerId\":\"{customer ?? ForeignSetUp.CustomerId}\",\"restaurantId\":\"{restaurant ?? ForeignSetUp.RestaurantId}\",\"lines\":[{lines}]{extra}}}";

    [TestCase("-2")]
    [TestCase("0")]
    [TestCase("1000000")]
    [TestCase("99999999999999")]
    [TestCase("2.5")]
    public async Task Should_reject_a_quantity_that_is_not_1_to_100_and_charge_nothing(string quantity) =>
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, quantity)), "lines[0].quantity");

    [Test]
    public async Task Should_reject_an_unknown_customer_restaurant_or_menu_item_and_charge_nothing()
    {
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "1"), customer: Guid.NewGuid()), "customerId");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "1"), restaurant: Guid.NewGuid()), "restaurantId");
        await AssertRejected(id => Order(id, Line(Guid.NewGuid(), "1")), "lines[0].menuItemId");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Elsewhere, "1")), "lines[0].menuItemId");
    }

    [Test]
    public async Task Should_reject_a_client_price_or_total_that_is_not_the_menus_and_charge_nothing()
    {
        var price = ",\"name\":\"Margherita\",\"unitPrice\":{\"amount\":0.01,\"currency\":\"EUR\"}";
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "2", price)), "lines[0].unitPrice");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "2"), extra: ",\"total\":{\"amount\":1.00,\"currency\":\"EUR\"}"), "total");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "2"), extra: ",\"total\":{\"amount\":-100,\"currency\":\"EUR\"}"), "total");
    }

    [Test]
    public async Task Should_reject_an_invalid_currency_and_charge_nothing()
    {
        var currency = JsonSerializer.Serialize("\"><img src=x onerror=alert(1)>");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "2"), extra: $",\"total\":{{\"amount\":19.00,\"currency\":{currency}}}"), "total.currency");
        await AssertRejected(id => Order(id, Line(ForeignSetUp.Margherita, "1", $",\"unitPrice\":{{\"amount\":9.5,\"currency\":{currency}}}")), "lines[0].unitPrice.currency");
    }

    [Test]
    public async Task Should_reject_missing_fields_and_a_thousand_lines_and_charge_nothing()
    {
        await AssertRejected(id => $"{{\"orderId\":\"{id}\"}}", "customerId", "restaurantId", "lines");
        await AssertRejected(id => $"{{\"orderId\":\"{id}\",\"customerId\":\"{ForeignSetUp.CustomerId}\",\"lines\":[{Line(ForeignSetUp.Margherita, "1")}]}}", "restaurantId");
        await AssertRejected(id => Order(id, "{\"quantity\":1}"), "lines[0].menuItemId");
        await AssertRejected(id => Order(id, string.Join(",", Enumerable.Repeat(Line(ForeignSetUp.Margherita, "1"), 1000))), "lines");
    }

    [Test]
    public async Task Should_complete_a_valid_order_at_the_menu_price()
    {
        var orderId = Guid.NewGuid();
        var messageId = await ForeignSetUp.Client.Send("orders", PlaceOrder, Order(orderId, Line(ForeignSetUp.Margherita, "2")));
        var reply = await ForeignSetUp.Client.ReplyTo(messageId);
        var order = await ReadModel.WhenOrder(orderId, o => o.Status is OrderStatus.Completed or OrderStatus.Cancelled).WaitAsync(Wait);
        var ledger = await Ledger(orderId);

        Assert.Multiple(() =>
        {
            Assert.That(reply.Type, Is.EqualTo("OrderEats.Messages.Replies.OrderPlaced"));
            Assert.That(reply.Body, Does.Contain("\"total\":{\"amount\":19.0"));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
            Assert.That(order.Total, Is.EqualTo(19.00m));
            Assert.That(ledger.Select(e => (e.Kind, e.Amount, e.Currency)), Is.EqualTo(new[] { (LedgerKind.Charge, 19.00m, "EUR") }), "charged once, at the menu price");
        });
    }

    [Test]
    public async Task Should_move_a_PlaceOrder_without_an_order_id_to_error_on_the_first_attempt_naming_it()
    {
        var messageId = await ForeignSetUp.Client.Send("orders", PlaceOrder, "{}");
        var failure = await ForeignSetUp.Client.FailureOf(messageId);
        Assert.Multiple(() =>
        {
            Assert.That(failure[Headers.ExceptionMessage], Does.Contain("orderId"));
            Assert.That(failure, Does.Not.ContainKey(Headers.DelayedRetries));
        });
    }

    [Test]
    public async Task Should_move_an_internal_charge_that_cannot_be_right_to_error_without_charging()
    {
        var orderId = Guid.NewGuid();
        var calls = ForeignSetUp.System.Services.GetRequiredService<PaymentGateway>().Calls;
        var negative = await ForeignSetUp.Client.Send(
            "payments", "OrderEats.Messages.Commands.ChargePayment", $"{{\"orderId\":\"{orderId}\",\"customerId\":\"{ForeignSetUp.CustomerId}\",\"amount\":{{\"amount\":-19,\"currency\":\"EUR\"}}}}");
        var incomplete = await ForeignSetUp.Client.Send("payments", "OrderEats.Messages.Commands.ChargePayment", $"{{\"orderId\":\"{orderId}\"}}");
        var negativeFailure = await ForeignSetUp.Client.FailureOf(negative);
        var incompleteFailure = await ForeignSetUp.Client.FailureOf(incomplete);

        Assert.Multiple(async () =>
        {
            Assert.That(negativeFailure[Headers.ExceptionMessage], Does.Contain("must be positive"));
            Assert.That(incompleteFailure[Headers.ExceptionMessage], Does.Contain("customerId").And.Contain("amount"));
            Assert.That(incompleteFailure, Does.Not.ContainKey(Headers.DelayedRetries), "refused on the first attempt, not after 9 attempts");
            Assert.That(await Ledger(orderId), Is.Empty);
            Assert.That(ForeignSetUp.System.Services.GetRequiredService<PaymentGateway>().Calls, Is.EqualTo(calls), "no gateway call");
        });
    }

    [Test]
    public async Task Should_move_a_command_sent_to_the_wrong_queue_to_error_on_the_first_attempt()
    {
        var messageId = await ForeignSetUp.Client.Send("kitchen", PlaceOrder, Order(Guid.NewGuid(), Line(ForeignSetUp.Margherita, "1")));
        var failure = await ForeignSetUp.Client.FailureOf(messageId);
        Assert.That(failure[Headers.ExceptionMessage], Does.Contain("has no handler for"));
    }

    private static OrdersReadModel ReadModel => ForeignSetUp.System.Services.GetRequiredService<OrdersReadModel>();

    private static async Task<List<LedgerEntry>> Ledger(Guid orderId) =>
        [.. (await ForeignSetUp.System.Services.GetRequiredService<PaymentsLedger>().ReadAll()).Where(e => e.OrderId == orderId)];

    private static async Task AssertRejected(Func<Guid, string> body, params string[] fields)
    {
        var orderId = Guid.NewGuid();
        var messageId = await ForeignSetUp.Client.Send("orders", PlaceOrder, body(orderId));
        var reply = await ForeignSetUp.Client.ReplyTo(messageId);
        await ReadModel.WhenOrder(orderId, o => o.Timeline.Count > 0).WaitAsync(Wait);
        using var response = await ForeignSetUp.System.Api.GetAsync(new Uri($"/orders/{orderId}", UriKind.Relative));
        using var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var replied = JsonDocument.Parse(reply.Body);
        var shown = view.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(reply.Type, Is.EqualTo("OrderEats.Messages.Events.OrderPlacementRejected"));
            Assert.That(replied.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.SupersetOf(fields));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(view.RootElement.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
            Assert.That(shown, Is.SupersetOf(fields), "GET /orders/{id} shows the reasons");
            Assert.That(view.RootElement.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()), Is.EqualTo(new[] { "Rejected" }), "no saga ran");
            Assert.That(await Ledger(orderId), Is.Empty, "never charged: no ledger row, and the gateway is only called after the ledger row");
        });
    }
}
