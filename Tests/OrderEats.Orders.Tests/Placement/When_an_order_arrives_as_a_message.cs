using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Placement;

/// <summary>
/// PlaceOrder from a sender on the transport gets what POST /orders gets: validated, priced from the menu, stored, idempotent by order id; an invalid
/// one ends Rejected with its reasons (in the reply, the event and GET /orders/{id}) and never starts a saga, so nothing is charged.
/// </summary>
[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_an_order_arrives_as_a_message(Store store)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private OrdersTestApp app = null!;
    private ServiceProvider clientServices = null!;
    private EndpointInstance client = null!;
    private Restaurant restaurant = null!;
    private Customer customer = null!;

    private Guid Pizza => restaurant.Menu[0].Id;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = await OrdersTestApp.Start(store, peers: true);
        restaurant = await app.CreateRestaurant(new MenuItemRequest("Pizza", 9.50m, "EUR"), new MenuItemRequest("Import", 4m, "USD"));
        customer = await app.CreateCustomer();
        clientServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        var configuration = new EndpointConfiguration("foreign-client") { MaxConcurrency = 2 };
        configuration.UseLearningTransport(Path.Combine(app.Folder, "transport"));
        configuration.AddHandler<Answers>();
        configuration.Routing.RouteToEndpoint<PlaceOrder>(EndpointNames.Orders).RouteToEndpoint<StartOrder>(EndpointNames.Orders);
        client = await EndpointInstance.Start(configuration, clientServices);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await client.Stop();
        await clientServices.DisposeAsync();
        await app.DisposeAsync();
    }

    [Test]
    public async Task Should_price_a_valid_order_from_the_menu_answer_it_and_complete_it()
    {
        var orderId = Guid.NewGuid();
        await client.Send(new PlaceOrder(orderId, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 2)]));

        var placed = await Answers.For<OrderPlaced>(orderId);
        var order = await app.ReadModel.WhenOrder(orderId, o => o.Status == OrderStatus.Completed).WaitAsync(Wait);
        Assert.Multiple(() =>
        {
            Assert.That(placed.Total, Is.EqualTo(new Money(19.00m, "EUR")));
            Assert.That(placed.Lines.Single().UnitPrice, Is.EqualTo(new Money(9.50m, "EUR")));
            Assert.That(order.Total, Is.EqualTo(19.00m));
            Assert.That(order.Timeline.Select(t => t.Status), Does.Contain(OrderStatus.Paid), "charged at the menu price");
        });
    }

    [Test]
    public async Task Should_accept_the_first_version_of_the_message_when_its_prices_are_the_menus()
    {
        var orderId = Guid.NewGuid();
        await client.Send(new PlaceOrder(orderId, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 1, "Pizza", new Money(9.50m, "EUR"))], new Money(9.50m, "EUR")));

        Assert.That((await Answers.For<OrderPlaced>(orderId)).Total, Is.EqualTo(new Money(9.50m, "EUR")));
    }

    [TestCase(-2, "lines[0].quantity")]
    [TestCase(0, "lines[0].quantity")]
    [TestCase(1000, "lines[0].quantity")]
    [TestCase(2.5, "lines[0].quantity")]
    public async Task Should_reject_a_quantity_out_of_range_and_never_start_it(decimal quantity, string field) =>
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, quantity)]), field);

    [Test]
    public async Task Should_reject_unknown_customer_restaurant_and_menu_item()
    {
        await AssertRejected(id => new PlaceOrder(id, Guid.NewGuid(), restaurant.Id, [new PlaceOrderLine(Pizza, 1)]), "customerId");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, Guid.NewGuid(), [new PlaceOrderLine(Pizza, 1)]), "restaurantId");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Guid.NewGuid(), 1)]), "lines[0].menuItemId");
    }

    [Test]
    public async Task Should_reject_a_client_price_or_total_that_is_not_the_menus()
    {
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 2, null, new Money(0.01m, "EUR"))]), "lines[0].unitPrice");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 2)], new Money(1.00m, "EUR")), "total");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 2)], new Money(-100m, "EUR")), "total");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 2)], new Money(19m, "\"><img src=x>")), "total.currency");
    }

    [Test]
    public async Task Should_reject_missing_fields_and_too_many_lines()
    {
        await AssertRejected(id => new PlaceOrder(id), "customerId", "restaurantId", "lines");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [.. Enumerable.Repeat(new PlaceOrderLine(Pizza, 1), 1000)]), "lines");
        await AssertRejected(id => new PlaceOrder(id, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 1), new PlaceOrderLine(restaurant.Menu[1].Id, 1)]), "lines");
    }

    [Test]
    public async Task Should_answer_a_repeat_with_the_same_order_and_refuse_other_content_under_its_id()
    {
        var orderId = Guid.NewGuid();
        await client.Send(new PlaceOrder(orderId, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 1)]));
        var first = await Answers.For<OrderPlaced>(orderId);
        Answers.Forget(orderId);
        await client.Send(new PlaceOrder(orderId, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 1)]));
        var repeat = await Answers.For<OrderPlaced>(orderId);
        Answers.Forget(orderId);
        await client.Send(new PlaceOrder(orderId, customer.Id, restaurant.Id, [new PlaceOrderLine(Pizza, 5)]));
        var conflict = await Answers.For<OrderPlacementRejected>(orderId);
        var order = await app.ReadModel.Get(orderId);

        Assert.Multiple(() =>
        {
            Assert.That(repeat.Total, Is.EqualTo(first.Total));
            Assert.That(conflict.Errors.Keys, Is.EquivalentTo(new[] { "orderId" }));
            Assert.That(order!.Status, Is.Not.EqualTo(OrderStatus.Rejected), "the stored order is left as it is");
            Assert.That(order.Total, Is.EqualTo(9.50m));
        });
    }

    [Test]
    public async Task Should_refuse_a_StartOrder_for_an_order_it_never_stored()
    {
        var orderId = Guid.NewGuid();
        var failed = new TaskCompletionSource<IncomingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = new EndpointConfiguration("error-watch").UseLearningTransport(Path.Combine(app.Folder, "transport")).TransportFactory!(clientServices);
        await using (watch)
        {
            await using (await watch.Receive(new ReceiveSettings("error", 1, "error"), (message, _) =>
            {
                if (message.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)?.Contains(nameof(StartOrder), StringComparison.Ordinal) == true)
                {
                    failed.TrySetResult(message);
                }

                return Task.FromResult(ReceiveResult.Ack);
            }))
            {
                await client.Send(new StartOrder(orderId, customer.Id, restaurant.Id, [new OrderLine(Pizza, "Pizza", 1, new Money(0.01m, "EUR"))], new Money(0.01m, "EUR")));
                var message = await failed.Task.WaitAsync(Wait);
                Assert.Multiple(async () =>
                {
                    Assert.That(message.Headers[Headers.ExceptionType], Is.EqualTo(typeof(MessageContractException).FullName));
                    Assert.That(message.Headers[Headers.ExceptionMessage], Does.Contain("never stored"));
                    Assert.That(await app.ReadModel.Get(orderId), Is.Null, "no order, no saga");
                });
            }
        }
    }

    private async Task AssertRejected(Func<Guid, PlaceOrder> message, params string[] fields)
    {
        var orderId = Guid.NewGuid();
        await client.Send(message(orderId));
        var rejected = await Answers.For<OrderPlacementRejected>(orderId);
        var order = await app.ReadModel.WhenOrder(orderId, o => o.Timeline.Count > 0).WaitAsync(Wait);
        using var response = await app.Client.GetAsync(new Uri($"/orders/{orderId}", UriKind.Relative));
        var view = await OrdersTestApp.Read<OrderView>(response);

        Assert.Multiple(() =>
        {
            Assert.That(rejected.Errors.Keys, Is.SupersetOf(fields));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(view.Status, Is.EqualTo(OrderStatus.Rejected));
            Assert.That(view.Errors!.Keys, Is.SupersetOf(fields), "GET /orders/{id} shows the reasons");
            Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Rejected }), "no saga ran: nothing was charged");
            Assert.That(view.Total, Is.Zero);
        });
    }
}
