using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults;

/// <summary>
/// What Dapper does not cover for the services' and the console's tables: Guids, points in time and money as each provider stores them
/// (SQLite has no Guid, time or decimal type: text "D", <see cref="SqlTimestamp.SqliteFormat"/> UTC text, and numeric), and commands
/// enlisted in a transaction with a cancellation token. The type handlers are registered once per process, before the first
/// <see cref="EndpointDatabase"/> is made.
/// </summary>
public static class DapperSql
{
    private static int registered;

    /// <summary>A Dapper command in <paramref name="transaction"/> (null: none) that observes <paramref name="cancellationToken"/>.</summary>
    public static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    /// <summary>
    /// Adds one parameter per value to <paramref name="parameters"/> and returns the list "(@p0, @p1, …)" for an IN clause: the same SQL on every
    /// dialect (Dapper's own "IN @list" sends one array parameter to PostgreSQL, which needs "= ANY(@list)" instead).
    /// </summary>
    public static string InList<T>(DynamicParameters parameters, string prefix, IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = prefix + names.Count.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, value);
            names.Add("@" + name);
        }

        return "(" + string.Join(", ", names) + ")";
    }

    /// <summary>Registers the Guid, DateTimeOffset and decimal type handlers with Dapper (idempotent).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper binds types of its own type map directly and would never ask a handler for them; without the map entry it does.
        foreach (var type in new[] { typeof(Guid), typeof(Guid?), typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(decimal), typeof(decimal?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new GuidHandler());
        SqlMapper.AddTypeHandler(new TimeHandler());
        SqlMapper.AddTypeHandler(new MoneyHandler());
    }

    /// <summary>Reads a time as any provider returns it (timestamptz, datetimeoffset or SQLite text), in UTC.</summary>
    public static DateTimeOffset ReadTime(object stored) => stored switch
    {
        DateTimeOffset value => value.ToUniversalTime(),
        DateTime value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        _ => SqlTimestamp.ParseText(Convert.ToString(stored, CultureInfo.InvariantCulture)!),
    };

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
                return;
            }

            parameter.DbType = DbType.Guid;
            parameter.Value = value;
        }

        public override Guid Parse(object value) => value is Guid guid ? guid : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
    }

    private sealed class TimeHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = SqlTimestamp.ToSqliteText(value);
                return;
            }

            // Npgsql writes timestamptz only from a UTC offset.
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }

        public override DateTimeOffset Parse(object value) => ReadTime(value);
    }

    // SQLite's numeric columns hand back a double or an integer; the others a decimal.
    private sealed class MoneyHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value) => parameter.Value = value;

        public override decimal Parse(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }
}
