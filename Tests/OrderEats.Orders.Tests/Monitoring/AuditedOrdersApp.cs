using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Monitoring;

/// <summary>The Orders process with console reporting on (OrderEats:Console:Queue), a reader of its audit queue, and a peer that sends the replies a test chooses.</summary>
public sealed class AuditedOrdersApp : IAsyncDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
    private OrdersTestApp app = null!;
    private EndpointInstance peer = null!;
    private Restaurant restaurant = null!;
    private Customer customer = null!;

    public AuditLog Audit { get; private set; } = null!;

    public static async Task<AuditedOrdersApp> Start(string paymentTimeout, string kitchenTimeout)
    {
        var audited = new AuditedOrdersApp();
        audited.app = await OrdersTestApp.Start(Store.Sqlite, settings: new Dictionary<string, string?>
        {
            ["OrderEats:Console:Queue"] = "console",
            ["Orders:PaymentTimeout"] = paymentTimeout,
            ["Orders:KitchenTimeout"] = kitchenTimeout,
        });
        var learning = Path.Combine(audited.app.Folder, "transport");
        audited.Audit = await AuditLog.Watch(learning, "console.audit", audited.services);
        var peer = new EndpointConfiguration("test-peer") { SendOnly = true };
        peer.UseLearningTransport(learning);
        peer.AddMessageTypesFromAssembly(typeof(PlaceOrder).Assembly);
        audited.peer = await EndpointInstance.Start(peer, audited.services);
        audited.restaurant = await audited.app.CreateRestaurant(new MenuItemRequest("Ramen", 12m, "EUR"));
        audited.customer = await audited.app.CreateCustomer();
        return audited;
    }

    public async Task<Guid> Place()
    {
        var orderId = Guid.NewGuid();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
            app.Client, "/orders", new PlaceOrderRequest(orderId, customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 1)]), OrdersTestApp.Json);
        response.EnsureSuccessStatusCode();
        return orderId;
    }

    public async Task CancelByCustomer(Guid orderId) => (await app.Client.PostAsync($"/orders/{orderId}/cancel", null)).EnsureSuccessStatusCode();

    public Task Reply(object message) => peer.Send(message, new SendOptions { Destination = EndpointNames.Orders });

    public static Money Amount => new(12m, "EUR");

    public async ValueTask DisposeAsync()
    {
        await peer.Stop();
        await Audit.DisposeAsync();
        await app.DisposeAsync();
        await services.DisposeAsync();
    }
}
