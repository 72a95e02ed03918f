using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;

namespace OrderEats.ServiceDefaults.Health;

/// <summary>
/// Ready = every endpoint in the process has started, its broker connections are up, and every database of the process answers. The checks
/// are logged when the process stops being ready, so operators see the reason without the HTTP details.
/// </summary>
internal sealed class ReadinessCheck(
    IEnumerable<StartedEndpoint> endpoints, IReadOnlyList<EndpointDatabase> databases, IEnumerable<IReadinessReport> reports, ILogger<ReadinessCheck> logger)
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);
    private int lastReady = -1;

    public async Task<(bool Ready, Dictionary<string, string> Checks)> Check(CancellationToken cancellationToken = default)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var instance = endpoint.Instance;
            checks["endpoint:" + endpoint.EndpointName] = instance is null ? "starting" : "started";
            if (instance?.Transport is ITransportHealth health)
            {
                checks["broker:" + endpoint.EndpointName] = health.IsHealthy ? "connected" : $"disconnected since {health.DisconnectedSince:O}";
            }
        }

        foreach (var database in databases)
        {
            checks["database:" + DatabaseName(database)] = await Ping(database, cancellationToken);
        }

        var ready = checks.Values.All(v => v is "started" or "connected" or "reachable");
        if (Interlocked.Exchange(ref lastReady, ready ? 1 : 0) != (ready ? 1 : 0) && !ready)
        {
            logger.LogWarning("Not ready: {Checks}", string.Join("; ", checks.Select(c => c.Key + " " + c.Value)));
        }

        foreach (var report in reports)
        {
            // Shown, not judged: a service's own state (such as shedding load) is no reason to take it out of rotation.
            checks[report.Name] = report.State;
        }

        return (ready, checks);
    }

    private static async Task<string> Ping(EndpointDatabase database, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        try
        {
            await using var connection = await database.Open(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return "reachable";
        }
#pragma warning disable CA1031 // any failure means "not ready"; the reason is reported, not thrown
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return "unreachable: " + ex.Message;
        }
    }

    private static string DatabaseName(EndpointDatabase database)
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
