using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrderEats.Engine.Sql;
using OrderEats.Messages;
using OrderEats.Messages.Events;
using OrderEats.Orders.Data;
using OrderEats.Orders.Handlers;
using OrderEats.Orders.ReadModel;
using OrderEats.Orders.Tests.Infrastructure;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Orders.Tests.Handlers;

// The read-model handler on its own, against SQLite: each event is handled in its own transaction, as the engine does.
[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_status_events_arrive_twice_or_late(Store store)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private string folder = null!;
    private OrdersDatabase database = null!;
    private OrdersReadModel readModel = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        folder = Path.Combine(Path.GetTempPath(), "ordereats-orders-handler-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (store == Store.PostgreSql)
        {
            // A database of its own: EndpointDatabase names it ordereats_<service>.
            var name = new NpgsqlConnectionStringBuilder(await PostgresSetUp.Server.CreateDatabase("ordereats_orders")).Database!;
            var infrastructure = new InfrastructureOptions { Persistence = SqlDialectKind.PostgreSql, ServerConnectionString = PostgresSetUp.ServerConnectionString };
            database = new OrdersDatabase(EndpointDatabase.For(infrastructure, name["ordereats_".Length..]));
        }
        else
        {
            database = new OrdersDatabase(EndpointDatabase.For(new InfrastructureOptions { DataFolder = folder }, "orders"));
        }

        readModel = new OrdersReadModel(database, NullLogger<OrdersReadModel>.Instance);
        await using var connection = await database.Open();
        await using var transaction = await connection.BeginTransactionAsync();
        await MigrationRunner.Apply(transaction, database.Kind, OrdersSchema.Migrations);
        await transaction.CommitAsync();
    }

    [OneTimeTearDown]
    public void DeleteDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Should_add_one_timeline_entry_for_a_duplicate_event()
    {
        var orderId = await NewOrder();
        await Handle(Event(orderId, OrderStatus.Submitted, 0), Event(orderId, OrderStatus.Paid, 1), Event(orderId, OrderStatus.Paid, 2));

        var order = (await readModel.Get(orderId))!;
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Paid));
        Assert.That(order.Timeline.Select(t => (t.Status, t.At)), Is.EqualTo(new[] { (OrderStatus.Submitted, Start), (OrderStatus.Paid, Start.AddSeconds(1)) }));
        Assert.That(order.UpdatedAt, Is.EqualTo(Start.AddSeconds(1)));
    }

    [Test]
    public async Task Should_never_move_a_completed_order_back()
    {
        var orderId = await NewOrder();
        await Handle(
            Event(orderId, OrderStatus.Submitted, 0), Event(orderId, OrderStatus.Paid, 1), Event(orderId, OrderStatus.Accepted, 2),
            Event(orderId, OrderStatus.Ready, 3), Event(orderId, OrderStatus.Completed, 3),
            Event(orderId, OrderStatus.Paid, 4), Event(orderId, OrderStatus.Submitted, 5), Event(orderId, OrderStatus.Cancelled, 6, "late"));

        var order = (await readModel.Get(orderId))!;
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Completed));
        Assert.That(order.Reason, Is.Null);
        Assert.That(
            order.Timeline.Select(t => t.Status),
            Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Accepted, OrderStatus.Ready, OrderStatus.Completed }));
    }

    [Test]
    public async Task Should_never_move_a_cancelled_order_on()
    {
        var orderId = await NewOrder();
        await Handle(Event(orderId, OrderStatus.Cancelled, 2, "Payment declined: no funds"), Event(orderId, OrderStatus.Paid, 1), Event(orderId, OrderStatus.Completed, 3));

        var order = (await readModel.Get(orderId))!;
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(order.Reason, Is.EqualTo("Payment declined: no funds"));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Paid, OrderStatus.Cancelled }));
        Assert.That(order.Timeline[1].Reason, Is.EqualTo("Payment declined: no funds"));
    }

    [Test]
    public async Task Should_keep_the_latest_status_when_events_arrive_out_of_order()
    {
        var orderId = await NewOrder();
        await Handle(Event(orderId, OrderStatus.Accepted, 2), Event(orderId, OrderStatus.Paid, 1), Event(orderId, OrderStatus.Submitted, 0));

        var order = (await readModel.Get(orderId))!;
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Accepted));
        Assert.That(order.Timeline.Select(t => t.Status), Is.EqualTo(new[] { OrderStatus.Submitted, OrderStatus.Paid, OrderStatus.Accepted }));
    }

    [Test]
    public async Task Should_announce_a_change_only_after_it_committed()
    {
        var orderId = await NewOrder();
        var announced = new List<OrderStatus>();
        void OnChanged(object? sender, OrderChangedEventArgs e)
        {
            if (e.OrderId == orderId)
            {
                announced.Add(e.Status);
            }
        }

        readModel.Changed += OnChanged;
        try
        {
            await Handle(commit: false, Event(orderId, OrderStatus.Paid, 1));
            Assert.That(announced, Is.Empty);
            Assert.That((await readModel.Get(orderId))!.Timeline, Is.Empty);

            await Handle(Event(orderId, OrderStatus.Paid, 1));
            await Handle(Event(orderId, OrderStatus.Paid, 2));
            Assert.That(announced, Is.EqualTo(new[] { OrderStatus.Paid }));
        }
        finally
        {
            readModel.Changed -= OnChanged;
        }
    }

    [Test]
    public async Task Should_complete_a_wait_when_the_awaited_status_is_reached()
    {
        var orderId = await NewOrder();
        var waiting = readModel.WhenOrder(orderId, o => o.Status == OrderStatus.Paid);
        await Handle(Event(orderId, OrderStatus.Submitted, 0));
        Assert.That(waiting.IsCompleted, Is.False);

        await Handle(Event(orderId, OrderStatus.Paid, 1));
        var order = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Paid));
    }

    private static OrderStatusChanged Event(Guid orderId, OrderStatus status, int second, string? reason = null) =>
        new(orderId, status, reason, Start.AddSeconds(second));

    private Task Handle(params OrderStatusChanged[] events) => Handle(commit: true, events);

    private async Task Handle(bool commit, params OrderStatusChanged[] events)
    {
        foreach (var message in events)
        {
            await using var tracker = new OrderChangeTracker(readModel, NullLogger<OrderChangeTracker>.Instance);
            await using var connection = await database.Open();
            await using var transaction = await connection.BeginTransactionAsync();
            var handler = new OrderStatusChangedHandler(tracker, NullLogger<OrderStatusChangedHandler>.Instance);
            await handler.Handle(message, new StorageContext(connection, transaction));
            if (commit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }
    }

    private async Task<Guid> NewOrder()
    {
        var orderId = Guid.NewGuid();
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO orders (id, customer_id, restaurant_id, lines, total, currency, status, reason, placed_at, updated_at, request_hash) " +
            "VALUES (@id, @customer, @restaurant, '[]', 10, 'EUR', 'Submitted', NULL, @at, @at, 'hash')",
            new { id = orderId, customer = Guid.NewGuid(), restaurant = Guid.NewGuid(), at = Start.AddMinutes(-1) });
        return orderId;
    }
}
