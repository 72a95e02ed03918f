using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderEats.ServiceDefaults.Health;

// One database of the process answers SELECT 1 within the timeout.
internal sealed class DatabaseHealthCheck(EndpointDatabase database) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await database.Open(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("reachable");
        }
#pragma warning disable CA1031 // any failure means "not ready"; the reason is reported, not thrown
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("unreachable: " + ex.Message);
        }
    }

    // The name operators know the database by: its database name on a server, its file name for SQLite.
    public static string NameOf(EndpointDatabase database)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        foreach (var key in new[] { "Database", "Initial Catalog", "Data Source" })
        {
            if (builder.TryGetValue(key, out var value) && value is string name && name.Length > 0)
            {
                return key == "Data Source" ? Path.GetFileNameWithoutExtension(name) : name;
            }
        }

        return database.Kind.ToString();
    }
}
