using System.Data.Common;
using OrderEats.Engine.Sql.Dialects;

namespace OrderEats.Engine.Sql;

// One database: its dialect and connection string. Every connection the persistence uses comes from here.
internal sealed class SqlDatabase(SqlDialect dialect, string connectionString)
{
    private int prepared;

    public SqlDialect Dialect { get; } = dialect;

    public string ConnectionString { get; } = dialect.WithDefaults(connectionString);

    public SemaphoreSlim? WriterGate { get; } = dialect.WriterGate(connectionString);

    // Runs a write outside a unit of work (outbox bookkeeping) behind the writer gate, when the database has one.
    public async Task<T> Write<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (WriterGate is not null)
        {
            await WriterGate.WaitAsync(cancellationToken);
        }

        try
        {
            await using var connection = await Open(cancellationToken);
            return await write(connection);
        }
        finally
        {
            WriterGate?.Release();
        }
    }

    public async Task<DbConnection> Open(CancellationToken cancellationToken = default)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var first = Volatile.Read(ref prepared) == 0;
            await Dialect.PrepareConnection(connection, first, cancellationToken);
            if (first)
            {
                Volatile.Write(ref prepared, 1);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
