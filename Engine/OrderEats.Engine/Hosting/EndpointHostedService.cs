using Microsoft.Extensions.Hosting;

namespace OrderEats.Engine.Hosting;

/// <summary>Starts the endpoint with the host and stops it (draining in-flight work) when the host stops.</summary>
internal sealed class EndpointHostedService(EndpointConfiguration configuration, IServiceProvider services, StartedEndpoint started) : IHostedService
{
    private EndpointInstance? instance;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            instance = await EndpointInstance.Start(configuration, services, cancellationToken);
            started.Started(instance);
        }
        catch (Exception ex)
        {
            started.Failed(ex);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => instance?.Stop(cancellationToken) ?? Task.CompletedTask;
}
