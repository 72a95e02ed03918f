using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql;

internal sealed class SqlStorage(SqlDatabase database, SqlPersistenceOptions options, ILogger<SqlStorage> logger) : IStorage
{
    public async Task Setup(PersistenceSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var dialect = database.Dialect;
        if (options.CreateDatabaseIfMissing && await dialect.CreateDatabaseIfMissing(database.ConnectionString, cancellationToken))
        {
            logger.LogInformation("Created the {Dialect} database for endpoint {Endpoint}", dialect.Kind, setup.EndpointName);
        }

        if (!options.CreateSchema)
        {
            return;
        }

        var statements = dialect.SchemaStatements(setup);
        // A process starting beside running instances can deadlock its DDL against their inserts; the loser runs the idempotent script again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Install(statements, cancellationToken);
                break;
            }
            catch (Exception ex) when (attempt < SqlSchema.InstallAttempts && dialect.IsDeadlock(ex))
            {
                logger.LogWarning(ex, "Installing the schema of endpoint {Endpoint} deadlocked (attempt {Attempt}); running it again", setup.EndpointName, attempt);
            }
        }

        logger.LogDebug("Installed the {Dialect} schema of endpoint {Endpoint} ({Sagas} saga tables, outbox {Outbox})",
            dialect.Kind, setup.EndpointName, setup.Sagas.Count, setup.Outbox);
    }

    private async Task Install(IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        var dialect = database.Dialect;
        await using var session = await SqlUnitOfWork.Begin(database, cancellationToken);
        if (dialect.SchemaLockStatement is { } lockStatement)
        {
            await using var command = session.CreateCommand(lockStatement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var statement in statements.Concat(options.AdditionalSchema))
        {
            await using var command = session.CreateCommand(statement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var step in options.AdditionalSchemaSteps)
        {
            await step(session.Transaction, cancellationToken);
        }

        await session.Commit(cancellationToken);
    }

    public async Task<IUnitOfWork> OpenSession(CancellationToken cancellationToken = default) =>
        await SqlUnitOfWork.Begin(database, cancellationToken);
}
