using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Whether one connection is up, since when it is down, and the critical error once it has been down for too long.</summary>
internal sealed class ConnectionHealth(string connectionName, string endpoint, RabbitMqOptions options, TimeProvider time, ILogger logger) : IDisposable
{
    private readonly Lock stateLock = new();
    private TaskCompletionSource up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? disconnectedSince;
    private Exception? lastFailure;
    private ITimer? criticalErrorTimer;
    private bool disposed;

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

    /// <summary>Completes when the connection is next reported up (already completed while it is up).</summary>
    public Task Up
    {
        get
        {
            lock (stateLock)
            {
                return up.Task;
            }
        }
    }

    public void ReportFailure(Exception failure)
    {
        lock (stateLock)
        {
            lastFailure = failure;
        }
    }

    public void ReportDown(Exception? cause, string reason)
    {
        lock (stateLock)
        {
            lastFailure = cause ?? lastFailure;
            if (disposed || disconnectedSince is not null)
            {
                return;
            }

            disconnectedSince = time.GetUtcNow();
            if (up.Task.IsCompleted)
            {
                up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            criticalErrorTimer = time.CreateTimer(_ => RaiseCriticalError(reason), null, options.CriticalErrorAfter, Timeout.InfiniteTimeSpan);
        }
    }

    public void ReportUp()
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

    public void Dispose()
    {
        lock (stateLock)
        {
            disposed = true;
            criticalErrorTimer?.Dispose();
            criticalErrorTimer = null;
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
                connectionName,
                disconnectedSince.Value,
                $"Connection {connectionName} to RabbitMQ at {endpoint} has been down since {disconnectedSince.Value:O} ({reason}), longer than {options.CriticalErrorAfter}. " +
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
            logger.LogError(ex, "The OnCriticalError callback for connection {ConnectionName} threw", connectionName);
        }
    }
}
