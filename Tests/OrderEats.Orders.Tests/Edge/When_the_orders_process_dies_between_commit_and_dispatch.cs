using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Tests.Edge;

/// <summary>
/// The edge kill test. The real Orders process (learning transport, SQLite) is killed again and again right after a POST /orders committed the order
/// and its outbox record and before StartOrder was dispatched; the client never retries. Every order — answered or cut off — must still start and
/// reach a terminal status exactly once: the transactional session's control message dispatches what the dead process committed.
/// </summary>
[TestFixture]
public class When_the_orders_process_dies_between_commit_and_dispatch
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const int Kills = 5;
    private const int CrashAt = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Test]
    public async Task Should_start_and_end_every_committed_order_exactly_once()
    {
        var root = Path.Combine(Path.GetTempPath(), "ordereats-edge-kill-" + Guid.NewGuid().ToString("N"));
        var infrastructure = new InfrastructureOptions { DataFolder = root };
        Directory.CreateDirectory(infrastructure.LearningFolder);
        var witness = new EdgeWitness();
        await using var services = new ServiceCollection().AddLogging().AddSingleton(witness).BuildServiceProvider();
        var peers = new List<EndpointInstance>
        {
            await Peer(infrastructure, EndpointNames.Payments, typeof(EdgeWitness.Payments), services),
            await Peer(infrastructure, EndpointNames.Kitchen, typeof(FakeKitchen), services),
            await Peer(infrastructure, "edge-kill-watcher", typeof(EdgeWitness.Watcher), services),
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", OrdersProcess.ApiKey);
        var answered = new List<Guid>();
        var cutOff = new List<Guid>();
        var begun = Clock.GetTimestamp();
        try
        {
            (Guid Customer, Guid Restaurant, Guid Item)? catalog = null;
            for (var run = 0; run <= Kills; run++)
            {
                var crashing = run < Kills;
                using var orders = await OrdersProcess.Start(root, crashing ? CrashAt : 0, Timeout);
                catalog ??= await Seed(http, orders.BaseAddress);
                for (var placed = 0; crashing ? !orders.HasExited : placed < CrashAt; placed++)
                {
                    var orderId = Guid.NewGuid();
                    var body = new { orderId, customerId = catalog.Value.Customer, restaurantId = catalog.Value.Restaurant, lines = new[] { new { menuItemId = catalog.Value.Item, quantity = 2 } } };
                    try
                    {
                        using var response = await http.PostAsJsonAsync(new Uri(orders.BaseAddress, "/orders"), body);
                        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
                        answered.Add(orderId);
                    }
                    catch (HttpRequestException) when (crashing)
                    {
                        // Killed after the commit, before StartOrder left: the client gets no answer and does not retry.
                        cutOff.Add(orderId);
                        break;
                    }
                }

                if (crashing)
                {
                    await orders.Exited(Timeout);
                    continue;
                }

                // The last run never crashes: it repairs what is left and runs every saga to its end.
                await witness.AllTerminal(answered.Concat(cutOff)).WaitAsync(Timeout);
                foreach (var orderId in answered.Concat(cutOff))
                {
                    using var response = await http.GetAsync(new Uri(orders.BaseAddress, $"/orders/{orderId}"));
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"order {orderId} was committed, so it exists");
                    var order = await OrdersTestApp.Read<OrderView>(response);
                    Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed), $"order {orderId}");
                }
            }
        }
        finally
        {
            foreach (var peer in peers)
            {
                await peer.Stop();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        var all = answered.Concat(cutOff).ToList();
        TestContext.Progress.WriteLine(
            $"edge kill test: {Kills} kills between commit and dispatch, {all.Count} orders ({answered.Count} answered, {cutOff.Count} cut off and repaired by the control message), all terminal once in {Clock.GetElapsedTime(begun).TotalSeconds:0.0} s");
        Assert.Multiple(() =>
        {
            Assert.That(cutOff, Has.Count.EqualTo(Kills), "one order cut off per kill");
            Assert.That(all.Select(witness.ChargesOf), Has.All.EqualTo(1), "every order was charged by exactly one ChargePayment");
            Assert.That(all.Select(id => witness.TerminalOf(id).Count), Has.All.EqualTo(1), "every order ended exactly once");
            Assert.That(all.SelectMany(witness.TerminalOf), Has.All.EqualTo(OrderStatus.Completed));
        });
    }

    private static async Task<EndpointInstance> Peer(InfrastructureOptions infrastructure, string name, Type handler, IServiceProvider services)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = 2 };
        configuration.UseLearningTransport(infrastructure.LearningFolder);
        configuration.AddHandler(handler);
        configuration.AddMessageTypesFromAssembly(typeof(Messages.Commands.PlaceOrder).Assembly);
        return await EndpointInstance.Start(configuration, services);
    }

    private static async Task<(Guid Customer, Guid Restaurant, Guid Item)> Seed(HttpClient http, Uri api)
    {
        using var restaurant = await http.PostAsJsonAsync(new Uri(api, "/restaurants"), new { name = "Kill Test Kitchen", menu = new[] { new { name = "Soup", price = 6.5m, currency = "EUR" } } });
        var created = await OrdersTestApp.Read<Restaurant>(restaurant);
        using var customer = await http.PostAsJsonAsync(new Uri(api, "/customers"), new { name = "Kim", email = $"kim.{Guid.NewGuid():N}@example.com" });
        return ((await OrdersTestApp.Read<Customer>(customer)).Id, created.Id, created.Menu[0].Id);
    }
}
