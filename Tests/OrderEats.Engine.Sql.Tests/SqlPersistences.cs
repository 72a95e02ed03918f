using OrderEats.Engine.Persistence;

namespace OrderEats.Engine.Sql.Tests;

/// <summary>Builds a persistence through the public configuration API, as an endpoint would.</summary>
internal static class SqlPersistences
{
    public static EndpointPersistence Create(string endpointName, Action<EndpointConfiguration> use, TimeProvider? time = null)
    {
        var configuration = new EndpointConfiguration(endpointName);
        use(configuration);
        return configuration.PersistenceFactory!(new ClockOnly(time));
    }

    // What an endpoint's service provider offers the persistence here: at most its clock.
    private sealed class ClockOnly(TimeProvider? time) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? time : null;
    }
}
