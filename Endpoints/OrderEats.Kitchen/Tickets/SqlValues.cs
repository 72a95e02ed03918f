using System.Data.Common;
using System.Globalization;
using OrderEats.Engine.Sql;

namespace OrderEats.Kitchen.Tickets;

// Guids and timestamps as each provider stores them: SQLite has no such types, so they are text ("D" and ISO 8601 UTC).
internal static class SqlValues
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static object Guid(SqlDialectKind kind, Guid value) => kind == SqlDialectKind.Sqlite ? value.ToString("D") : value;

    public static object Time(SqlDialectKind kind, DateTimeOffset value) =>
        kind == SqlDialectKind.Sqlite ? value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : value.ToUniversalTime();

    public static Guid ReadGuid(object stored) =>
        stored is Guid guid ? guid : System.Guid.Parse(Convert.ToString(stored, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(object stored) => stored switch
    {
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(
            Convert.ToString(stored, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
    };

    public static decimal ReadMoney(object stored) => Convert.ToDecimal(stored, CultureInfo.InvariantCulture);
}
