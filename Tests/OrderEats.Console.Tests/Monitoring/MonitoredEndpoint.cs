using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Hosting;

namespace OrderEats.Console.Tests.Monitoring;

/// <summary>Runs an endpoint hosting <see cref="TicketSaga"/> on the console harness's transport folder, reporting to the console's queues.</summary>
public static class MonitoredEndpoint
{
    public static Task<EndpointInstance> Start(ConsoleHarness harness, string name, TimeSpan heartbeatInterval, Action<EndpointConfiguration>? configure = null) =>
        Start(harness.Infrastructure.LearningFolder, name, heartbeatInterval, configure);

    public static async Task<EndpointInstance> Start(string learningFolder, string name, TimeSpan heartbeatInterval, Action<EndpointConfiguration>? configure = null)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = 1 };
        configuration.UseLearningTransport(learningFolder);
        configuration.UseInMemoryPersistence();
        configuration.AddHandler<TicketSaga>();
        configuration.AuditSagasTo("console.audit");
        configuration.SendHeartbeatsTo("console", heartbeatInterval);
        configure?.Invoke(configuration);
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await EndpointInstance.Start(configuration, services);
    }
}
