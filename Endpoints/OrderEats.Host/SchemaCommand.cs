using OrderEats.Engine.Persistence;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Sql;
using OrderEats.Sagas;

namespace OrderEats.Host;

/// <summary>`schema --dialect postgresql|sqlserver|sqlite`: prints the idempotent install script of every service's engine tables and its business tables' migrations, for a DBA to apply by hand.</summary>
internal static class SchemaCommand
{
    public static int Run(SqlDialectKind dialect, TextWriter output)
    {
        var services = new (string Service, PersistenceSetup Setup)[]
        {
            ("orders", new PersistenceSetup("orders", [SagaStorageDefinitions.Describe(typeof(OrderSaga))], Outbox: true)),
            ("payments", new PersistenceSetup("payments", [], Outbox: true)),
            ("kitchen", new PersistenceSetup("kitchen", [], Outbox: true)),
            ("notifications", new PersistenceSetup("notifications", [], Outbox: true)),
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
