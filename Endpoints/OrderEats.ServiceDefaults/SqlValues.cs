using System.Data.Common;
using System.Globalization;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults;

/// <summary>Commands, parameters, Guids and timestamps for the services' business tables, as each provider stores them (SQLite has no Guid or timestamp type: text "D" and ISO 8601 UTC).</summary>
public static class SqlValues
{
    /// <summary>Creates a command enlisted in <paramref name="transaction"/>.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter (null becomes DBNull).</summary>
    public static DbCommand Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A Guid as the dialect stores it.</summary>
    public static object StoredGuid(SqlDialectKind kind, Guid value) => kind == SqlDialectKind.Sqlite ? value.ToString("D") : value;

    /// <summary>A point in time (UTC) as the dialect stores it.</summary>
    public static object StoredTime(SqlDialectKind kind, DateTimeOffset value) =>
        kind == SqlDialectKind.Sqlite ? value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : value.ToUniversalTime();

    /// <summary>Reads a Guid stored by <see cref="StoredGuid"/>.</summary>
    public static Guid ReadGuid(object stored) =>
        stored is Guid guid ? guid : System.Guid.Parse(Convert.ToString(stored, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);

    /// <summary>Reads a time stored by <see cref="StoredTime"/>, in UTC.</summary>
    public static DateTimeOffset ReadTime(object stored) => stored switch
    {
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse(
            Convert.ToString(stored, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
    };

    /// <summary>Reads an amount of money.</summary>
    public static decimal ReadMoney(object stored) => Convert.ToDecimal(stored, CultureInfo.InvariantCulture);
}
