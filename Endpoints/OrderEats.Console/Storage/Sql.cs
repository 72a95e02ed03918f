using System.Data.Common;

namespace OrderEats.Console.Storage;

/// <summary>Small helpers over ADO.NET: parameterized commands and typed reads.</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> Execute(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<List<T>> Query<T>(
        DbConnection connection, DbTransaction? transaction, string text, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static async Task<long> Scalar(DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(this DbDataReader reader, string column) => reader[column] is string s ? s : Convert.ToString(reader[column], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    public static string? NullableText(this DbDataReader reader, string column) => reader[column] is DBNull ? null : reader.Text(column);

    public static long Long(this DbDataReader reader, string column) => Convert.ToInt64(reader[column], System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader reader, string column) => Convert.ToInt32(reader[column], System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(this DbDataReader reader, string column) => DateTimeOffset.FromUnixTimeMilliseconds(reader.Long(column));
}
