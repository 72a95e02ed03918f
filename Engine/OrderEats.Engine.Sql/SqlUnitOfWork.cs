using System.Data.Common;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql;

internal sealed class SqlUnitOfWork(DbConnection connection, DbTransaction transaction, SemaphoreSlim? writerGate) : IUnitOfWork
{
    private bool committed;
    private bool disposed;

    public DbConnection Connection
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return connection;
        }
    }

    public DbTransaction Transaction
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return transaction;
        }
    }

    public static async Task<SqlUnitOfWork> Begin(SqlDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var gate = database.WriterGate;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        DbConnection? connection = null;
        try
        {
            connection = await database.Open(cancellationToken);
            var transaction = await database.Dialect.BeginTransaction(connection, cancellationToken);
            return new SqlUnitOfWork(connection, transaction, gate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate?.Release();
            throw;
        }
    }

    public DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public async Task Commit(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("This unit of work was already committed; open a new session for further work.");
        }

        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (!committed)
            {
                await transaction.RollbackAsync();
            }
        }
        catch (DbException)
        {
            // The transaction is already gone (failed commit, broken connection); closing the connection discards whatever is left.
        }
        catch (InvalidOperationException)
        {
            // Same: the provider reports a completed or zombied transaction this way.
        }
        finally
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            writerGate?.Release();
        }
    }
}
