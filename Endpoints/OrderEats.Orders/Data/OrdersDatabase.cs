using System.Data;
using System.Data.Common;
using System.Globalization;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Data;

// The Orders service's own database, and the value conversions every provider needs (SQLite keeps Guids and timestamps as text).
internal sealed class OrdersDatabase(EndpointDatabase database)
{
    public EndpointDatabase Database { get; } = database;

    public SqlDialectKind Kind => Database.Kind;

    public Task<DbConnection> Open(CancellationToken cancellationToken = default) => Database.Open(cancellationToken);

    public DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            if (value is null)
            {
                parameter.DbType = DbType.String;
                parameter.Value = DBNull.Value;
            }
            else
            {
                parameter.Value = ToDatabase(value);
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        Guid guid => guid,
        var other => Guid.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!),
    };

    public static DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        var other => DateTimeOffset.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    public static decimal ReadDecimal(DbDataReader reader, int ordinal) => Convert.ToDecimal(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? ReadNullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private object ToDatabase(object value) => (Kind, value) switch
    {
        (SqlDialectKind.Sqlite, Guid guid) => guid.ToString("D"),
        (SqlDialectKind.Sqlite, DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        (_, DateTimeOffset at) => at.ToUniversalTime(),
        _ => value,
    };
}
