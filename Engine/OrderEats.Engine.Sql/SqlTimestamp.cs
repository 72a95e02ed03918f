using System.Globalization;

namespace OrderEats.Engine.Sql;

/// <summary>
/// How a point in time is stored per dialect: timestamptz on PostgreSQL, datetimeoffset on SQL Server, and on SQLite (which has no time type)
/// fixed-width UTC text <c>yyyy-MM-dd HH:mm:ss.fffffff</c>, which sorts and compares like the instant it names and which SQLite's own
/// date functions read.
/// </summary>
public static class SqlTimestamp
{
    /// <summary>The SQLite text format (always UTC, seven fractional digits).</summary>
    public const string SqliteFormat = "yyyy-MM-dd HH:mm:ss.fffffff";

    /// <summary>A point in time as SQLite text in <see cref="SqliteFormat"/>.</summary>
    public static string ToSqliteText(DateTimeOffset value) => value.UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time stored as text by any of the formats this code has written (round-trip, ISO 8601 with 'Z', or <see cref="SqliteFormat"/>), in UTC.</summary>
    public static DateTimeOffset ParseText(string stored) =>
        DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
