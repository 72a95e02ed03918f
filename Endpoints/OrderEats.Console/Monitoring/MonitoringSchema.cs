using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Monitoring;

/// <summary>The saga audit tables: one row per saga instance (its latest state), one per audit record, one per saga type's graph.</summary>
internal static class MonitoringSchema
{
    public static IEnumerable<string> Statements(EndpointDatabase database)
    {
        var text = database.TextType;
        var longText = database.LongTextType;
        var integer = database.IntType;
        yield return database.CreateTable("console_sagas", $"""
            saga_id {text} NOT NULL PRIMARY KEY, saga_type {text} NOT NULL, correlation {text} NOT NULL, endpoint {text} NOT NULL, state {text} NULL,
            completed {integer} NOT NULL, started bigint NOT NULL, updated bigint NOT NULL, pending {longText} NOT NULL, state_json {longText} NOT NULL
            """);
        yield return database.CreateIndex("ix_console_sagas_type_state", "console_sagas", "saga_type, state");
        yield return database.CreateIndex("ix_console_sagas_correlation", "console_sagas", "correlation");
        yield return database.CreateIndex("ix_console_sagas_updated", "console_sagas", "completed, updated");
        yield return database.CreateTable("console_saga_audit", $"""
            id {text} NOT NULL PRIMARY KEY, saga_id {text} NOT NULL, at bigint NOT NULL, message_id {text} NOT NULL, message_type {text} NOT NULL, entry {longText} NOT NULL
            """);
        yield return database.CreateIndex("ix_console_saga_audit_saga", "console_saga_audit", "saga_id, at");
        yield return database.CreateTable("console_saga_graphs", $"saga_type {text} NOT NULL PRIMARY KEY, graph {longText} NOT NULL, updated bigint NOT NULL");
    }
}
