using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OrderEats.Security.Tests.Tls;

/// <summary>Collects log lines and completes a wait when one contains a text.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentBag<(string Text, TaskCompletionSource<string> Done)> waits = [];

    public IReadOnlyCollection<string> Lines => lines;

    public Task<string> WaitFor(string text)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        waits.Add((text, done));
        foreach (var line in lines.Where(l => l.Contains(text, StringComparison.Ordinal)))
        {
            done.TrySetResult(line);
        }

        return done.Task;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lines.Enqueue(line);
        foreach (var (text, done) in waits.Where(w => line.Contains(w.Text, StringComparison.Ordinal)))
        {
            done.TrySetResult(line);
        }
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message));
    }
}
