using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// One auto-recovering connection, opened on first use and retried every RecoveryInterval until the broker answers. With several nodes it
/// connects to whichever answers first (in random order) and, after losing that node, recovers on another.
/// </summary>
internal sealed class ConnectionManager : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPoll = TimeSpan.FromMilliseconds(250);

    private readonly ConnectionFactory factory;
    private readonly BrokerAddresses addresses;
    private readonly RabbitMqOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly ConnectionHealth health;
    private readonly SemaphoreSlim opening = new(1, 1);
    private IConnection? connection;
    private volatile bool disposed;

    public ConnectionManager(BrokerAddresses addresses, string name, RabbitMqOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        this.addresses = addresses;
        this.options = options;
        this.logger = logger;
        this.time = time;
        factory = new ConnectionFactory
        {
            Uri = addresses.First,
            ClientProvidedName = name,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedHeartbeat = options.Heartbeat,
        };
        if (options.CertificateAuthorityFile is { } authority && addresses.Endpoints.Any(e => e.Ssl.Enabled))
        {
            // The client connects through the endpoint list, and each node's endpoint carries its own TLS settings.
            var trust = TlsTrust.For(authority);
            factory.Ssl.CertificateValidationCallback = trust;
            foreach (var endpoint in addresses.Endpoints.Where(e => e.Ssl.Enabled))
            {
                endpoint.Ssl.CertificateValidationCallback = trust;
            }
        }

        health = new ConnectionHealth(name, addresses.ToString(), options, time, logger);
    }

    public string Name { get; }

    /// <summary>Open, or not known to be down (not opened yet and no failed attempt).</summary>
    public bool IsHealthy => connection is { } current ? current.IsOpen : health.DisconnectedSince is null;

    public DateTimeOffset? DisconnectedSince => health.DisconnectedSince;

    /// <summary>The node the connection is open to (null before it was opened); tests use it to kill that node.</summary>
    internal AmqpTcpEndpoint? ConnectedEndpoint => connection is { IsOpen: true } open ? open.Endpoint : null;

    /// <summary>The open connection; waits while the broker cannot be reached.</summary>
    public async Task<IConnection> GetConnection(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = connection ?? await Open(cancellationToken);
        await WaitUntilOpen(current, cancellationToken);
        return current;
    }

    /// <summary>Completes when the connection is open again (after automatic recovery).</summary>
    public Task WaitUntilConnected(CancellationToken cancellationToken = default) => GetConnection(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        health.Dispose();
        var current = connection;
        if (current is not null)
        {
            try
            {
                await current.CloseAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationInterruptedException or IOException or TimeoutException or OperationCanceledException)
            {
                logger.LogDebug(ex, "Closing connection {ConnectionName} failed; it was already broken", Name);
            }

            await current.DisposeAsync();
        }

        opening.Dispose();
    }

    private async Task WaitUntilOpen(IConnection current, CancellationToken cancellationToken)
    {
        while (!current.IsOpen)
        {
            ObjectDisposedException.ThrowIf(disposed, this);

            // The shutdown event can trail IsOpen, so the signal may still be the old, completed one: poll as well.
            await Task.WhenAny(health.Up, Task.Delay(ReconnectPoll, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<IConnection> Open(CancellationToken cancellationToken)
    {
        await opening.WaitAsync(cancellationToken);
        try
        {
            while (connection is null)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                try
                {
                    var opened = await factory.CreateConnectionAsync(addresses.Endpoints, Name, cancellationToken);
                    opened.ConnectionShutdownAsync += OnShutdown;
                    opened.RecoverySucceededAsync += OnRecovered;
                    opened.ConnectionRecoveryErrorAsync += OnRecoveryError;
                    opened.ConnectionBlockedAsync += OnBlocked;
                    opened.ConnectionUnblockedAsync += OnUnblocked;
                    connection = opened;
                    health.ReportUp();
                    logger.LogInformation("Connection {ConnectionName} opened to RabbitMQ node {Node}", Name, Node(opened));
                }
                catch (BrokerUnreachableException ex)
                {
                    var reason = ex.InnerException?.Message ?? ex.Message;
                    health.ReportDown(ex, reason);
                    logger.LogWarning(
                        "Cannot reach RabbitMQ for connection {ConnectionName} ({Endpoint}): {Reason}. Retrying in {RecoveryInterval}",
                        Name, addresses, reason, options.RecoveryInterval);
                    await Task.Delay(options.RecoveryInterval, cancellationToken);
                }
            }

            return connection;
        }
        finally
        {
            opening.Release();
        }
    }

    private Task OnShutdown(object sender, ShutdownEventArgs args)
    {
        if (!disposed && args.Initiator != ShutdownInitiator.Application)
        {
            logger.LogWarning(
                "Connection {ConnectionName} to RabbitMQ lost ({ReplyCode} {ReplyText}); recovering every {RecoveryInterval}",
                Name, args.ReplyCode, args.ReplyText, options.RecoveryInterval);
            health.ReportDown(args.Exception, $"{args.ReplyCode} {args.ReplyText}");
        }

        return Task.CompletedTask;
    }

    private Task OnRecovered(object sender, AsyncEventArgs args)
    {
        var since = health.DisconnectedSince;
        logger.LogInformation(
            "Connection {ConnectionName} to RabbitMQ recovered on node {Node} after {Downtime}",
            Name, sender is IConnection recovered ? Node(recovered) : "?", since is null ? TimeSpan.Zero : time.GetUtcNow() - since.Value);
        health.ReportUp();
        return Task.CompletedTask;
    }

    private static string Node(IConnection connection) => $"{connection.Endpoint.HostName}:{connection.Endpoint.Port}";

    private Task OnRecoveryError(object sender, ConnectionRecoveryErrorEventArgs args)
    {
        health.ReportFailure(args.Exception);
        logger.LogWarning("Recovery of connection {ConnectionName} failed: {Reason}; retrying in {RecoveryInterval}", Name, args.Exception.Message, options.RecoveryInterval);
        return Task.CompletedTask;
    }

    private Task OnBlocked(object sender, ConnectionBlockedEventArgs args)
    {
        logger.LogWarning("RabbitMQ blocked connection {ConnectionName}: {Reason}. Publishing waits until the broker's resource alarm clears", Name, args.Reason);
        return Task.CompletedTask;
    }

    private Task OnUnblocked(object sender, AsyncEventArgs args)
    {
        logger.LogInformation("RabbitMQ unblocked connection {ConnectionName}", Name);
        return Task.CompletedTask;
    }
}
