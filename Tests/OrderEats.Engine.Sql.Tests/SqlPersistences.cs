using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests;

/// <summary>Builds a persistence through the public configuration API, as an endpoint would.</summary>
internal static class SqlPersistences
{
    public static EndpointPersistence Create(string endpointName, Action<EndpointConfiguration> use)
    {
        var configuration = new EndpointConfiguration(endpointName);
        use(configuration);
        return configuration.PersistenceFactory!(new NoServices());
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
