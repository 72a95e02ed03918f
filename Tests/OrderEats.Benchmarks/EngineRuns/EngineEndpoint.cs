using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.RabbitMQ;

namespace OrderEats.Benchmarks.EngineRuns;

/// <summary>Starts an engine endpoint on RabbitMQ with the given singletons available to its handlers.</summary>
internal static class EngineEndpoint
{
    public static async Task<EndpointInstance> Start(
        string name,
        string amqpUri,
        int concurrency,
        Action<EndpointConfiguration> configure,
        IEnumerable<object> singletons,
        Action<RabbitMqOptions>? rabbit = null,
        CancellationToken cancellationToken = default)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = concurrency, ErrorQueue = name + "-error" };
        configuration.UseRabbitMq(amqpUri, rabbit);
        configure(configuration);
        var services = new ServiceCollection();
        foreach (var singleton in singletons)
        {
            services.AddSingleton(singleton.GetType(), singleton);
        }

        return await EndpointInstance.Start(configuration, services.BuildServiceProvider(), cancellationToken);
    }
}
