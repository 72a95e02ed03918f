using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.RabbitMQ.Tests;

internal sealed class ProgressLogger : ILogger
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public static LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            TestContext.Progress.WriteLine($"{Clock.GetUtcNow():HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}");
        }
    }
}
