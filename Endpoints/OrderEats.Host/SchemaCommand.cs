using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Sql;
using OrderEats.Messages;
using OrderEats.Sagas;

namespace OrderEats.Host;

/// <summary>`schema --dialect postgresql|sqlserver|sqlite`: prints the idempotent install script of every service's engine tables and its business tables' migrations, for a DBA to apply by hand.</summary>
internal static class SchemaCommand
{
    public static int Run(SqlDialectKind dialect, TextWriter output)
    {
        var services = new (string Service, PersistenceSetup Setup)[]
        {
            (EndpointNames.Orders, new PersistenceSetup(EndpointNames.Orders, [SagaStorageDefinitions.Describe(typeof(OrderSaga))], Outbox: true)),
            (EndpointNames.Payments, new PersistenceSetup(EndpointNames.Payments, [], Outbox: true)),
            (EndpointNames.Kitchen, new PersistenceSetup(EndpointNames.Kitchen, [], Outbox: true)),
            (EndpointNames.Notifications, new PersistenceSetup(EndpointNames.Notifications, [], Outbox: true)),
        };
        foreach (var (service, setup) in services)
        {
            output.WriteLine($"-- Database ordereats_{service}: engine tables of endpoint '{service}' ({dialect}). Idempotent.");
            output.WriteLine(SqlSchema.Script(dialect, setup));
            output.WriteLine();
            BusinessSchemaPrinter.Print(service, dialect, output);
        }

        BusinessSchemaPrinter.PrintConsole(dialect, output);

        return 0;
    }
}
