using System.Data.Common;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql;

// One connection and transaction. Where the dialect batches statements (PostgreSQL), the unit of work also saves round trips: saga loads
// announced ahead travel with the next read (the outbox lookup), and the saga and outbox writes are held back and sent with the COMMIT, so a
// message's unit of work costs two round trips. Elsewhere every statement runs when it is issued.
internal sealed class SqlUnitOfWork(DbConnection connection, DbTransaction transaction, SemaphoreSlim? writerGate, bool batches) : IUnitOfWork
{
    private readonly List<DeferredWrite> writes = [];
    private readonly List<PendingRead> reads = [];
    private readonly Dictionary<string, object?> readResults = new(StringComparer.Ordinal);
    private bool committed;
    private bool disposed;

    // True where saga and outbox writes wait for the commit and reads go out together (the dialect batches statements).
    public bool Batches => batches;

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
            return new SqlUnitOfWork(connection, transaction, gate, database.Dialect.BatchesStatements && connection.CanCreateBatch);
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

    // Remembers a read to send with the next one (only where statements are batched).
    public void Announce(PendingRead read)
    {
        if (batches && !readResults.ContainsKey(read.Key) && reads.TrueForAll(r => r.Key != read.Key))
        {
            reads.Add(read);
        }
    }

    // A read: answered from a read-ahead made under key when there is one, else sent together with the announced reads.
    public async Task<object?> Read(string? key, SqlStatement statement, Func<DbDataReader, CancellationToken, Task<object?>> read, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (key is not null && readResults.Remove(key, out var cached))
        {
            return cached;
        }

        if (writes.Count > 0)
        {
            // Rare (a read after a write in one unit of work): the read must see the write.
            await SendWrites(commit: false, cancellationToken);
        }

        reads.RemoveAll(r => r.Key == key);
        if (reads.Count == 0)
        {
            await using var command = statement.ToCommand(this);
            await using var single = await command.ExecuteReaderAsync(cancellationToken);
            return await read(single, cancellationToken);
        }

        var ahead = reads.ToList();
        reads.Clear();
        await using var batch = Batch();
        statement.AddTo(batch);
        foreach (var pending in ahead)
        {
            pending.Statement.AddTo(batch);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var result = await read(reader, cancellationToken);
        foreach (var pending in ahead)
        {
            await reader.NextResultAsync(cancellationToken);
            readResults[pending.Key] = await pending.Read(reader, cancellationToken);
        }

        return result;
    }

    // A write: sent now, or held back for the commit where statements are batched.
    public async Task Write(DeferredWrite write, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (batches)
        {
            writes.Add(write);
            return;
        }

        await using var command = write.Statement.ToCommand(this);
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (write.Translate(e) is { } translated)
        {
            throw translated;
        }

        if (write.Affected?.Invoke(rows) is { } failed)
        {
            throw failed;
        }
    }

    public async Task Commit(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("This unit of work was already committed; open a new session for further work.");
        }

        if (writes.Count > 0)
        {
            await SendWrites(commit: true, cancellationToken);
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
        }

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

    // The held-back writes in one batch, with the COMMIT at its end when asked: one round trip. A failing statement makes the server skip the
    // rest (the COMMIT included), so nothing of a failed unit of work commits.
    private async Task SendWrites(bool commit, CancellationToken cancellationToken)
    {
        var pending = writes.ToList();
        writes.Clear();
        await using var batch = Batch();
        foreach (var write in pending)
        {
            write.Statement.AddTo(batch);
        }

        if (commit)
        {
            new SqlStatement("COMMIT", []).AddTo(batch);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e)
        {
            foreach (var write in pending)
            {
                if (write.Translate(e) is { } translated)
                {
                    throw translated;
                }
            }

            throw;
        }
    }

    private DbBatch Batch()
    {
        var batch = Connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }
}
