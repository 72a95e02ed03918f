using System.Globalization;
using OrderEats.Engine;
using OrderEats.Kitchen;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Messages.Replies;
using OrderEats.Notifications;
using OrderEats.Notifications.Channel;
using OrderEats.Payments;
using OrderEats.Payments.Ledger;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Composition;

/// <summary>The all-in-one host registers every service in one container: each keeps its own options, singletons, endpoint and database.</summary>
[TestFixture(TestPersistence.Sqlite)]
[TestFixture(TestPersistence.PostgreSql)]
public class When_the_services_share_one_host(TestPersistence persistence)
{
    [Test]
    public async Task Should_run_each_service_on_its_own_endpoint_and_database()
    {
        await using var harness = await ServiceHarness.Start(
            persistence,
            (services, configuration, infrastructure, customize) => services
                .AddPaymentsService(configuration, infrastructure, customize)
                .AddKitchenService(configuration, infrastructure, c =>
                {
                    customize(c);
                    c.AddHandler<PrepareOrderProbe>();
                })
                .AddNotificationsService(configuration, infrastructure, c =>
                {
                    customize(c);
                    c.AddHandler<OrderEventProbe>();
                }),
            new Dictionary<string, string?>
            {
                ["Kitchen:AcceptDelay"] = TimeSpan.FromMilliseconds(20).ToString("c", CultureInfo.InvariantCulture),
                ["Kitchen:PrepareTime"] = TimeSpan.FromMilliseconds(20).ToString("c", CultureInfo.InvariantCulture),
            },
            map: app => app.MapKitchenApi());
        var (orderId, customerId) = (Guid.NewGuid(), Guid.NewGuid());

        await harness.Orders.Send(new ChargePayment(orderId, customerId, TestData.Eur(19m)), new SendOptions { Destination = EndpointNames.Payments });
        await harness.Orders.Send(new PrepareOrder(orderId, Guid.NewGuid(), TestData.Lines), new SendOptions { Destination = EndpointNames.Kitchen });
        await harness.Orders.Publish(new OrderReady(orderId, customerId));
        await harness.Inbox.WaitFor<PaymentCharged>(m => m.OrderId == orderId);
        await harness.Inbox.WaitFor<OrderPrepared>(m => m.OrderId == orderId);
        await harness.Inbox.WaitFor<Probed>(p => p.OrderId == orderId && p.MessageType == nameof(OrderReady));

        Assert.Multiple(async () =>
        {
            Assert.That((await harness.Service<PaymentsLedger>().ReadAll()).Count(e => e.OrderId == orderId), Is.EqualTo(1));
            Assert.That((await harness.Service<KitchenTickets>().Find(orderId))?.Status, Is.EqualTo(TicketStatus.Ready));
            Assert.That(harness.Service<SimulatedNotificationChannel>().Deliveries[(orderId, NotificationKind.OrderReady)], Is.EqualTo(1));
            if (persistence == TestPersistence.Sqlite)
            {
                Assert.That(
                    Directory.GetFiles(harness.Folder, "*.db").Select(Path.GetFileName),
                    Is.EquivalentTo(new[] { "ordereats_payments.db", "ordereats_kitchen.db", "ordereats_notifications.db" }));
            }
        });
    }

    [Test]
    public void Should_refuse_to_start_with_a_rate_outside_0_to_1()
    {
        var failure = Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var harness = await ServiceHarness.Start(
                persistence,
                (services, configuration, infrastructure, customize) => services.AddPaymentsService(configuration, infrastructure, customize),
                new Dictionary<string, string?> { ["Payments:Gateway:DeclineRate"] = "1.5" });
        });

        Assert.That(failure!.Message, Does.Contain("Payments:Gateway"));
    }
}
