using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console;
using OrderEats.Messages;
using OrderEats.Orders;
using OrderEats.Orders.ReadModel;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Security.Tests.Broker;

// Finding 5: every service used the one broker administrator account, so any of them could read another's queue and forge heartbeats,
// failures and audit records. Here each service runs its setup and traffic as the account accounts.sh gives it, and then each account is
// shown what it may not do.
[TestFixture]
[NonParallelizable]
public class When_each_service_uses_its_own_broker_account
{
    private const string BackOfficeKey = "broker-accounts-backoffice-key";
    private readonly ReadySignal ready = new();
    private readonly List<ServiceApp> apps = [];
    private BrokerAccounts accounts = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        accounts = await BrokerAccounts.Start();
        folder = Directory.CreateTempSubdirectory("ordereats-broker-accounts-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Orders:Auth:ApiKeys:0:Name"] = "broker-accounts",
            ["Orders:Auth:ApiKeys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(BackOfficeKey))),
            ["Kitchen:AcceptDelay"] = "00:00:01",
            ["Kitchen:PrepareTime"] = "00:00:01",
            ["Console:Users:0:Name"] = "ops",
            ["Console:Users:0:PasswordHash"] = ConsolePasswordHash.Create("broker-accounts-pw"),
            ["Console:Users:0:Role"] = "Operator",
        };

        // All at once, as compose starts them: an endpoint that finds no shared queue yet waits for the console's account to create it.
        apps.AddRange(await Task.WhenAll(BrokerAccounts.Services.Select(service => ServiceApp.Start(service, settings.Concat(new Dictionary<string, string?>
        {
            ["OrderEats:RabbitMq"] = accounts.Uri(service),
            ["OrderEats:Persistence"] = "sqlite",
            ["OrderEats:DataFolder"] = folder,
            ["OrderEats:Console:Queue"] = "console",
        }), ready))));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        await accounts.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Should_carry_an_order_through_every_service_each_on_its_own_account()
    {
        var orders = App("orders");
        using var http = orders.App.GetTestClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", BackOfficeKey);
        var restaurant = await Read(await http.PostAsJsonAsync("/restaurants", new { name = "Least Privilege", menu = new[] { new { name = "Soup", price = 4.5m, currency = "EUR" } } }));
        var customer = await Read(await http.PostAsJsonAsync("/customers", new { name = "Ada", email = $"ada.{Guid.NewGuid():N}@example.com" }));
        var orderId = Guid.NewGuid();
        var completed = Completed(orders, orderId);
        var notified = ready.For(orderId);

        using var placed = await http.PostAsJsonAsync("/orders", new
        {
            orderId,
            customerId = customer.GetProperty("id").GetGuid(),
            restaurantId = restaurant.GetProperty("id").GetGuid(),
            lines = new[] { new { menuItemId = restaurant.GetProperty("menu")[0].GetProperty("id").GetGuid(), quantity = 1 } },
        });

        Assert.That((int)placed.StatusCode, Is.EqualTo(202), await placed.Content.ReadAsStringAsync());
        Assert.DoesNotThrowAsync(async () => await Task.WhenAll(completed, notified).WaitAsync(TimeSpan.FromMinutes(2)), "the order did not complete and reach Notifications");
    }

    [Test]
    public async Task Should_let_a_service_send_its_poison_to_the_error_queue_and_the_console_ingest_it()
    {
        var changes = App("console").App.Services.GetRequiredService<ConsoleChanges>();
        var messageId = Guid.NewGuid().ToString();
        var ingested = changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == messageId);

        await using (var payments = await Connect("payments"))
        {
            await using var channel = await payments.CreateChannelAsync(new CreateChannelOptions(true, true));
            var properties = new BasicProperties
            {
                MessageId = messageId,
                Persistent = true,
                Headers = new Dictionary<string, object?> { ["OrderEats.EnclosedMessageTypes"] = "Nobody.Knows.This" },
            };
            await channel.BasicPublishAsync("payments", string.Empty, true, properties, "{}"u8.ToArray());
        }

        Assert.DoesNotThrowAsync(async () => await ingested.WaitAsync(TimeSpan.FromMinutes(1)), "the console did not ingest the failure");
    }

    [TestCase("payments", "console.audit", TestName = "Should_refuse_payments_writing_an_audit_record")]
    [TestCase("payments", "", TestName = "Should_refuse_payments_writing_through_the_default_exchange")]
    [TestCase("payments", "OrderEats.Messages.Events.OrderConfirmed", TestName = "Should_refuse_payments_publishing_an_order_event")]
    [TestCase("payments", "kitchen", TestName = "Should_refuse_payments_writing_to_the_kitchen")]
    [TestCase("kitchen", "payments", TestName = "Should_refuse_the_kitchen_writing_to_payments")]
    [TestCase("notifications", "orders", TestName = "Should_refuse_notifications_writing_to_orders")]
    [TestCase("notifications", "console.audit", TestName = "Should_refuse_notifications_writing_an_audit_record")]
    [TestCase("console", "OrderEats.Messages.Events.OrderCancelled", TestName = "Should_refuse_the_console_publishing_an_order_event")]
    public async Task Should_refuse_a_write_the_service_has_no_business_with(string user, string exchange)
    {
        var code = await Refusal(user, async channel =>
            await channel.BasicPublishAsync(exchange, exchange.Length == 0 ? "console" : string.Empty, false, new BasicProperties(), "{}"u8.ToArray()));

        Assert.That(code, Is.EqualTo(403));
    }

    [TestCase("payments", "console.audit")]
    [TestCase("payments", "kitchen")]
    [TestCase("payments", "error")]
    [TestCase("notifications", "orders")]
    public async Task Should_refuse_a_delayed_message_for_another_services_queue(string user, string queue)
    {
        // The delay cascade delivers by routing key: "0.0.….1.<queue>" into level 0 would reach any queue a second later.
        var routingKey = string.Concat(Enumerable.Repeat("0.", 27)) + "1." + queue;

        var code = await Refusal(user, channel => channel.BasicPublishAsync("ordereats.delay.level-00", routingKey, false, new BasicProperties(), "{}"u8.ToArray()).AsTask());

        Assert.That(code, Is.EqualTo(403));
    }

    [Test]
    public async Task Should_let_a_service_delay_a_message_to_its_own_queue()
    {
        var routingKey = string.Concat(Enumerable.Repeat("0.", 27)) + "1.payments";

        var code = await Refusal("payments", channel => channel.BasicPublishAsync("ordereats.delay.level-00", routingKey, false, new BasicProperties(), "{}"u8.ToArray()).AsTask());

        Assert.That(code, Is.Null);
    }

    [TestCase("payments", "ordereats.delay.delivery", "#", TestName = "Should_refuse_tapping_every_delayed_message")]
    [TestCase("payments", "ordereats.delay.delivery", "*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.orders", TestName = "Should_refuse_tapping_another_services_delayed_messages")]
    [TestCase("payments", "ordereats.delay.unroutable", "", TestName = "Should_refuse_tapping_unroutable_delayed_messages")]
    [TestCase("notifications", "orders", "", TestName = "Should_refuse_tapping_another_services_exchange")]
    public async Task Should_refuse_binding_its_own_queue_to_other_traffic(string user, string exchange, string bindingKey)
    {
        var code = await Refusal(user, channel => channel.QueueBindAsync(user, exchange, bindingKey));

        Assert.That(code, Is.EqualTo(403));
    }

    [TestCase("payments", "orders")]
    [TestCase("payments", "error")]
    [TestCase("payments", "console")]
    [TestCase("payments", "console.audit")]
    [TestCase("payments", "ordereats.delay.level-03")]
    [TestCase("orders", "payments")]
    [TestCase("orders", "error")]
    [TestCase("kitchen", "notifications")]
    [TestCase("notifications", "kitchen")]
    public async Task Should_refuse_reading_another_services_queue(string user, string queue)
    {
        var code = await Refusal(user, channel => channel.BasicGetAsync(queue, autoAck: false));

        Assert.That(code, Is.EqualTo(403));
    }

    [TestCase("payments", "orders")]
    [TestCase("payments", "error")]
    [TestCase("orders", "console")]
    [TestCase("notifications", "ordereats.delay.level-00")]
    public async Task Should_refuse_deleting_a_queue_the_service_does_not_own(string user, string queue)
    {
        var code = await Refusal(user, channel => channel.QueueDeleteAsync(queue));

        Assert.That(code, Is.EqualTo(403));
    }

    [Test]
    public async Task Should_give_the_service_accounts_no_management_tags_and_remove_guest()
    {
        var users = (await accounts.Control("-q", "list_users")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

        Assert.Multiple(() =>
        {
            Assert.That(users.Keys, Is.SupersetOf(BrokerAccounts.Services).And.Not.Contains("guest"));
            Assert.That(BrokerAccounts.Services.Select(s => users[s]), Has.All.EqualTo("[]"));
        });
        Assert.ThrowsAsync<BrokerUnreachableException>(async () => await new ConnectionFactory { Uri = new Uri(accounts.Uri("guest", "guest")) }.CreateConnectionAsync());
    }

    [Test]
    public async Task Should_run_the_accounts_script_again_without_harm()
    {
        var (exitCode, output) = await accounts.RunScript();

        Assert.That(exitCode, Is.Zero, output);
    }

    private ServiceApp App(string service) => apps.Single(a => a.Service == service);

    private static Task Completed(ServiceApp orders, Guid orderId)
    {
        var readModel = orders.App.Services.GetRequiredService<OrdersReadModel>();
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        readModel.Changed += (_, e) =>
        {
            if (e.OrderId == orderId && e.Status == OrderStatus.Completed)
            {
                completed.TrySetResult();
            }
        };
        return completed.Task;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    private Task<IConnection> Connect(string user) => new ConnectionFactory { Uri = new Uri(accounts.Uri(user)) }.CreateConnectionAsync();

    private async Task<ushort?> Refusal(string user, Func<IChannel, Task> operation)
    {
        await using var connection = await Connect(user);
        // Publisher confirms: a refused publish fails the publish itself rather than a later call.
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        try
        {
            await operation(channel);
            return null;
        }
        catch (OperationInterruptedException ex)
        {
            return ex.ShutdownReason?.ReplyCode;
        }
    }
}
