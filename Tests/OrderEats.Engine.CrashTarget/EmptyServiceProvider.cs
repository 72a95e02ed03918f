namespace OrderEats.Engine.CrashTarget;

/// <summary>No services: the transport falls back to its defaults (no logging).</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static readonly EmptyServiceProvider Instance = new();

    public object? GetService(Type serviceType) => null;
}
