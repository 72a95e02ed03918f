namespace OrderEats.Engine.Testing;

// The services a testable saga's finders are created from: none, so a finder needs a parameterless constructor.
internal sealed class NoServices : IServiceProvider
{
    public static NoServices Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
