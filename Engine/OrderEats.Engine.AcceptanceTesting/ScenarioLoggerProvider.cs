using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>Writes an endpoint's log (information and above) into the scenario context, so a failed scenario can show what happened.</summary>
internal sealed class ScenarioLoggerProvider(ScenarioContext context, string endpoint, TimeProvider time) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ScenarioLogger(context, endpoint, categoryName, time);

    public void Dispose()
    {
    }

    private sealed class ScenarioLogger(ScenarioContext context, string endpoint, string category, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var error = exception is null ? string.Empty : $" [{exception.GetType().Name}: {exception.Message}]";
            context.Log($"{time.GetUtcNow():HH:mm:ss.fff} {logLevel} {endpoint} {category}: {formatter(state, exception)}{error}");
        }
    }
}
