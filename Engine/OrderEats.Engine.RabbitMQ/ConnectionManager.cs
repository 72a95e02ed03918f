using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// One auto-recovering connection, opened on first use and retried until the broker answers. Tracks whether it is up and raises
/// the critical error when it has been down for <see cref="RabbitMqOptions.CriticalErrorAfter"/>.
/// </summary>
internal sealed class ConnectionManager : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPoll = TimeSpan.FromMilliseconds(250);

    private readonly ConnectionFactory factory;
    private readonly RabbitMqOptions options;
    private readonly ILogger logger;
    private readonly SemaphoreSlim opening = new(1, 1);
    private readonly Lock stateLock = new();
    private IConnection? connection;
    private TaskCompletionSource up = NewSignal(completed: false);
    private DateTimeOffset? disconnectedSince;
    private Exception? lastFailure;
    private ITimer? criticalErrorTimer;
    private volatile bool disposed;

    public ConnectionManager(Uri uri, string name, RabbitMqOptions options, ILogger logger, ushort consumerDispatchConcurrency = 1)
    {
        Name = name;
        this.options = options;
        this.logger = logger;
        factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = name,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedHeartbeat = options.Heartbeat,
            ConsumerDispatchConcurrency = consumerDispatchConcurrency,
        };
    }

    public string Name { get; }

    /// <summary>Open, or not known to be down (not opened yet and no failed attempt).</summary>
    public bool IsHealthy => connection is { } current ? current.IsOpen : DisconnectedSince is null;

    public DateTimeOffset? DisconnectedSince
    {
        get
        {
            lock (stateLock)
            {
                return disconnectedSince;
            }
        }
    }

    /// <summary>The open connection; waits (retrying every RecoveryInterval) while the broker cannot be reached.</summary>
    public async Task<IConnection> GetConnection(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var current = connection;
        if (current is null)
        {
            current = await Open(cancellationToken);
        }

        await WaitUntilOpen(current, cancellationToken);
        return current;
    }

    /// <summary>Completes when the connection is open again (after automatic recovery).</summary>
    public async Task WaitUntilConnected(CancellationToken cancellationToken = default)
    {
        var current = connection ?? await Open(cancellationToken);
        await WaitUntilOpen(current, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        lock (stateLock)
        {
            criticalErrorTimer?.Dispose();
            criticalErrorTimer = null;
        }

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
            Task signal;
            lock (stateLock)
            {
                signal = up.Task;
            }

            // The shutdown event can trail IsOpen, so the signal may still be the old, completed one: poll as well.
            await Task.WhenAny(signal, Task.Delay(ReconnectPoll, cancellationToken));
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
                    var opened = await factory.CreateConnectionAsync(Name, cancellationToken);
                    opened.ConnectionShutdownAsync += OnShutdown;
                    opened.RecoverySucceededAsync += OnRecovered;
                    opened.ConnectionRecoveryErrorAsync += OnRecoveryError;
                    opened.ConnectionBlockedAsync += OnBlocked;
                    opened.ConnectionUnblockedAsync += OnUnblocked;
                    connection = opened;
                    MarkUp();
                }
                catch (BrokerUnreachableException ex)
                {
                    MarkDown(ex, ex.InnerException?.Message ?? ex.Message);
                    logger.LogWarning(
                        "Cannot reach RabbitMQ for connection {ConnectionName} ({Endpoint}): {Reason}. Retrying in {RecoveryInterval}",
                        Name, factory.Endpoint, ex.InnerException?.Message ?? ex.Message, options.RecoveryInterval);
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
            MarkDown(args.Exception, $"{args.ReplyCode} {args.ReplyText}");
        }

        return Task.CompletedTask;
    }

    private Task OnRecovered(object sender, AsyncEventArgs args)
    {
        var since = DisconnectedSince;
        logger.LogInformation(
            "Connection {ConnectionName} to RabbitMQ recovered after {Downtime}", Name, since is null ? TimeSpan.Zero : DateTimeOffset.UtcNow - since.Value);
        MarkUp();
        return Task.CompletedTask;
    }

    private Task OnRecoveryError(object sender, ConnectionRecoveryErrorEventArgs args)
    {
        lock (stateLock)
        {
            lastFailure = args.Exception;
        }

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

    private void MarkDown(Exception? cause, string reason)
    {
        lock (stateLock)
        {
            lastFailure = cause ?? lastFailure;
            if (disconnectedSince is not null)
            {
                return;
            }

            disconnectedSince = DateTimeOffset.UtcNow;
            if (up.Task.IsCompleted)
            {
                up = NewSignal(completed: false);
            }

            criticalErrorTimer = TimeProvider.System.CreateTimer(_ => RaiseCriticalError(reason), null, options.CriticalErrorAfter, Timeout.InfiniteTimeSpan);
        }
    }

    private void MarkUp()
    {
        lock (stateLock)
        {
            disconnectedSince = null;
            lastFailure = null;
            criticalErrorTimer?.Dispose();
            criticalErrorTimer = null;
            up.TrySetResult();
        }
    }

    private void RaiseCriticalError(string reason)
    {
        RabbitMqCriticalError error;
        lock (stateLock)
        {
            if (disposed || disconnectedSince is null)
            {
                return;
            }

            error = new RabbitMqCriticalError(
                Name,
                disconnectedSince.Value,
                $"Connection {Name} to RabbitMQ at {factory.Endpoint} has been down since {disconnectedSince.Value:O} ({reason}), longer than {options.CriticalErrorAfter}. " +
                "Check that the broker is running and reachable and that the credentials and virtual host are right; the transport keeps retrying.",
                lastFailure);
        }

        logger.LogCritical(error.LastException, "{CriticalError}", error.Message);
        try
        {
            options.OnCriticalError?.Invoke(error);
        }
#pragma warning disable CA1031 // A faulty callback must not take the timer thread (and the process) down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "The OnCriticalError callback for connection {ConnectionName} threw", Name);
        }
    }

    private static TaskCompletionSource NewSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }
}
