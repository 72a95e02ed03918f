using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults.Migrations;

/// <summary>The journal table: one row per (component, script) applied to this database.</summary>
public static class MigrationJournal
{
    /// <summary>The journal table's name.</summary>
    public const string Table = "schema_journal";

    /// <summary>Creates the journal when it is missing.</summary>
    public static string Create(SqlDialectKind kind) => kind switch
    {
        SqlDialectKind.SqlServer =>
            $"IF OBJECT_ID(N'{Table}', N'U') IS NULL CREATE TABLE {Table} (component nvarchar(100) NOT NULL, script nvarchar(200) NOT NULL, " +
            $"applied_at datetimeoffset NOT NULL, CONSTRAINT pk_{Table} PRIMARY KEY (component, script))",
        SqlDialectKind.PostgreSql =>
            $"CREATE TABLE IF NOT EXISTS {Table} (component text NOT NULL, script text NOT NULL, applied_at timestamptz NOT NULL, " +
            $"CONSTRAINT pk_{Table} PRIMARY KEY (component, script))",
        _ =>
            $"CREATE TABLE IF NOT EXISTS {Table} (component text NOT NULL, script text NOT NULL, applied_at text NOT NULL, " +
            $"CONSTRAINT pk_{Table} PRIMARY KEY (component, script))",
    };

    /// <summary>The scripts of a component already applied (parameter @component).</summary>
    public const string Applied = $"SELECT script FROM {Table} WHERE component = @component";

    /// <summary>Records a script as applied at the database's clock (parameters @component, @script).</summary>
    public static string Record(SqlDialectKind kind) => $"INSERT INTO {Table} (component, script, applied_at) VALUES (@component, @script, {Now(kind)})";

    /// <summary>Records a script as applied by hand, once, with literal values (for the printed script).</summary>
    public static string RecordByHand(SqlDialectKind kind, string component, string script) =>
        $"INSERT INTO {Table} (component, script, applied_at) SELECT '{component}', '{script}', {Now(kind)} " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {Table} WHERE component = '{component}' AND script = '{script}')";

    // The database's current time in the dialect's one time format (SQLite: SqlTimestamp.SqliteFormat, padded to seven digits).
    private static string Now(SqlDialectKind kind) =>
        kind switch { SqlDialectKind.SqlServer => "SYSDATETIMEOFFSET()", SqlDialectKind.PostgreSql => "now()", _ => "strftime('%Y-%m-%d %H:%M:%f0000', 'now')" };
}
