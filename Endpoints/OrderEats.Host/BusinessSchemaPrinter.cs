using OrderEats.Console.Storage;
using OrderEats.Engine.Sql;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages;
using OrderEats.Notifications.Log;
using OrderEats.Orders.Data;
using OrderEats.Payments.Ledger;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.Host;

// The business tables part of `schema`: each service's versioned migrations, in order, with their journal rows, printed after the engine's script.
internal static class BusinessSchemaPrinter
{
    private static readonly Dictionary<string, BusinessMigrations> Services = new(StringComparer.Ordinal)
    {
        [EndpointNames.Orders] = OrdersSchema.Migrations,
        [EndpointNames.Payments] = LedgerSchema.Migrations,
        [EndpointNames.Kitchen] = TicketSchema.Migrations,
        [EndpointNames.Notifications] = NotificationSchema.Migrations,
    };

    public static void Print(string service, SqlDialectKind dialect, TextWriter output)
    {
        if (!Services.TryGetValue(service, out var migrations))
        {
            return;
        }

        output.WriteLine(
            $"-- Database ordereats_{service}: business tables of '{service}' ({dialect}), migrations in order with their {MigrationJournal.Table} rows. " +
            "The service applies the missing ones itself at startup; by hand, run the scripts the journal lacks.");
        output.WriteLine(BusinessSchemaScript.For(dialect, migrations));
    }

    public static void PrintConsole(SqlDialectKind dialect, TextWriter output)
    {
        output.WriteLine(
            $"-- Database ordereats_console: the console's tables ({dialect}), migrations in order with their {MigrationJournal.Table} rows. " +
            "The console applies the missing ones itself at startup; by hand, run the scripts the journal lacks.");
        output.WriteLine(BusinessSchemaScript.For(dialect, ConsoleSchema.Migrations));
    }
}
