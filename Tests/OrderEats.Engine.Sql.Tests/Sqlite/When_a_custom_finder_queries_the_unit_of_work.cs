using System.Data.Common;
using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Sql.Tests.Sqlite;

// A finder looks the saga up through a business table written in the same unit of work as the saga, on the message's own connection and transaction.
[TestFixture]
public class When_a_custom_finder_queries_the_unit_of_work
{
    private SqliteDatabaseFile file = null!;

    [SetUp]
    public void CreateFile() => file = new SqliteDatabaseFile();

    [TearDown]
    public void DeleteFile() => file.Dispose();

    [Test]
    public async Task Should_find_the_saga_by_a_business_key_on_the_same_connection_and_transaction()
    {
        var orderId = Guid.NewGuid();
        var context = await Scenario.Define<Context>()
            .WithEndpoint<SagaEndpoint>(b => b
                .CustomConfig(c => c.UseSqlite(file.ConnectionString))
                .When(session => session.SendLocal(new StartShipment(orderId, "TRK-42")))
                .When(c => c.Started, session => session.SendLocal(new ParcelScanned("TRK-42"))))
            .Done(c => c.HasProcessed<ParcelScanned>())
            .Run();

        Assert.Multiple(() =>
        {
            Assert.That(context.Scanned, Is.EqualTo(orderId));
            Assert.That(context.FinderUsedTheUnitOfWork, Is.True);
        });
    }

    public sealed class Context : ScenarioContext
    {
        public bool Started { get; set; }

        public Guid? Scanned { get; set; }

        public bool FinderUsedTheUnitOfWork { get; set; }
    }

    public sealed record StartShipment(Guid OrderId, string TrackingNumber) : ICommand;

    public sealed record ParcelScanned(string TrackingNumber) : ICommand;

    public sealed class SagaEndpoint : EndpointConfigurationBuilder
    {
        public SagaEndpoint() => EndpointSetup();

        public sealed class ShipmentData : ContainSagaData
        {
            public Guid OrderId { get; set; }
        }

        public sealed class ShipmentSaga(Context scenario) : Saga<ShipmentData>, IAmStartedByMessages<StartShipment>, IHandleMessages<ParcelScanned>
        {
            public async Task Handle(StartShipment message, IMessageHandlerContext context)
            {
                await Execute(context.Storage, "CREATE TABLE IF NOT EXISTS parcel_lookup (tracking TEXT PRIMARY KEY, order_id TEXT NOT NULL)");
                await Execute(context.Storage, "INSERT INTO parcel_lookup (tracking, order_id) VALUES (@p0, @p1)", message.TrackingNumber, message.OrderId.ToString());
                scenario.Started = true;
            }

            public Task Handle(ParcelScanned message, IMessageHandlerContext context)
            {
                scenario.Scanned = Data.OrderId;
                return Task.CompletedTask;
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<ShipmentData> mapper)
            {
                mapper.MapSaga(d => d.OrderId).ToMessage<StartShipment>(m => m.OrderId);
                mapper.ConfigureFinderMapping<ParcelScanned, ByTrackingNumber>();
            }

            private static async Task Execute(IStorageSession storage, string sql, params object[] values)
            {
                await using var command = Command(storage, sql, values);
                await command.ExecuteNonQueryAsync();
            }
        }

        public sealed class ByTrackingNumber(Context scenario) : ISagaFinder<ShipmentData, ParcelScanned>
        {
            public async Task<ShipmentData?> FindBy(ParcelScanned message, ISagaFinderContext<ShipmentData> context, CancellationToken cancellationToken = default)
            {
                await using var command = Command(context.Storage, "SELECT order_id FROM parcel_lookup WHERE tracking = @p0", message.TrackingNumber);
                scenario.FinderUsedTheUnitOfWork = command.Transaction == context.Storage.Transaction && command.Transaction is not null;
                return await command.ExecuteScalarAsync(cancellationToken) is string orderId
                    ? await context.GetByCorrelationValue(Guid.Parse(orderId), cancellationToken)
                    : null;
            }
        }

        private static DbCommand Command(IStorageSession storage, string sql, params object[] values)
        {
            var command = storage.Connection.CreateCommand();
            command.Transaction = storage.Transaction;
#pragma warning disable CA2100 // the statements are constants of this test; values are parameters
            command.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = values[i];
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
