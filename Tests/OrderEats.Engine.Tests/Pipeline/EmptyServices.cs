namespace OrderEats.Engine.Tests.Pipeline;

/// <summary>A service provider with no services, for steps run outside an endpoint.</summary>
internal sealed class EmptyServices : IServiceProvider
{
    public static readonly EmptyServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
