using System.Globalization;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Dialects;

// Reads stored values back into the types the seam promises, whatever type the provider returns (SQLite has only text and integers).
internal static class SqlValues
{
    public static object ReadCorrelation(SagaStorageDefinition saga, object stored)
    {
        ArgumentNullException.ThrowIfNull(saga);
        ArgumentNullException.ThrowIfNull(stored);
        var type = saga.CorrelationType;
        if (type == typeof(Guid))
        {
            return ReadGuid(stored);
        }

        if (type == typeof(int))
        {
            return Convert.ToInt32(stored, CultureInfo.InvariantCulture);
        }

        return type == typeof(long) ? Convert.ToInt64(stored, CultureInfo.InvariantCulture) : (string)stored;
    }

    public static Guid ReadGuid(object stored) => stored is Guid guid ? guid : Guid.Parse((string)stored, CultureInfo.InvariantCulture);

    public static void CheckCorrelationType(SagaStorageDefinition saga)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var type = saga.CorrelationType;
        if (type != typeof(Guid) && type != typeof(string) && type != typeof(int) && type != typeof(long))
        {
            throw new ArgumentException(
                $"Saga {saga.SagaType} correlates on {saga.CorrelationProperty} of type {type.Name}; the SQL persistence stores Guid, string, int or long. " +
                "Change the correlation property's type.",
                nameof(saga));
        }
    }
}
