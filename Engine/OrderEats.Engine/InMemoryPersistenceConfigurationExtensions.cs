using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.InMemory;
using OrderEats.Engine.Persistence;

namespace OrderEats.Engine;

/// <summary>Configures the in-memory persistence: sagas and outbox kept in process memory, for tests and experiments.</summary>
public static class InMemoryPersistenceConfigurationExtensions
{
    /// <summary>Keeps saga state and the outbox in memory; everything is lost when the process ends.</summary>
    public static EndpointConfiguration UseInMemoryPersistence(this EndpointConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.UsePersistence(services =>
        {
            var store = new InMemoryStore();
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            return new EndpointPersistence(new InMemoryStorage(store), new InMemorySagaPersister(store), new InMemoryOutbox(store, time));
        });
        return configuration;
    }
}
