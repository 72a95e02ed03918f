using System.Text;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults.Migrations;

/// <summary>The migrations of a component as one script a DBA can apply by hand: the journal, then every script with its journal row.</summary>
public static class BusinessSchemaScript
{
    /// <summary>
    /// The whole script for <paramref name="kind"/>. Each numbered script is meant to run once: on a database the services already migrated,
    /// apply only the scripts the journal lacks (<c>SELECT script FROM schema_journal WHERE component = '...'</c>).
    /// </summary>
    public static string For(SqlDialectKind kind, BusinessMigrations migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var separator = kind == SqlDialectKind.SqlServer ? "\nGO\n\n" : ";\n\n";
        var text = new StringBuilder();
        text.Append(kind switch { SqlDialectKind.SqlServer => "BEGIN TRANSACTION;\nGO\n\n", SqlDialectKind.Sqlite => "BEGIN IMMEDIATE;\n\n", _ => "BEGIN;\n\n" });
        text.Append(MigrationJournal.Create(kind)).Append(separator);
        foreach (var script in migrations.Scripts(kind))
        {
            text.Append("-- ").Append(migrations.Component).Append(' ').Append(script.Name).Append('\n');
            foreach (var batch in MigrationRunner.Batches(kind, script.Sql))
            {
                text.Append(batch.TrimEnd().TrimEnd(';')).Append(separator);
            }

            text.Append(MigrationJournal.RecordByHand(kind, migrations.Component, script.Name)).Append(separator);
        }

        text.Append(kind == SqlDialectKind.SqlServer ? "COMMIT;\nGO\n" : "COMMIT;\n");
        return text.ToString();
    }
}
