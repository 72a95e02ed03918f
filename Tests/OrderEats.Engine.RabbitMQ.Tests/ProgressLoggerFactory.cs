using Microsoft.Extensions.Logging;

namespace OrderEats.Engine.RabbitMQ.Tests;

/// <summary>Writes the transport's warnings and errors to the NUnit progress output, so a failing test shows what the transport saw.</summary>
internal sealed class ProgressLoggerFactory : ILoggerFactory
{
    public static readonly ProgressLoggerFactory Instance = new();

    public ILogger CreateLogger(string categoryName) => new ProgressLogger();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
