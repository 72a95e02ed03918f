using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// Development credentials were turned on because the configuration said the process listens on loopback only; once the server has
/// started, the addresses it really bound are checked too (code can add addresses configuration does not show). A non-loopback address
/// stops the process with exit code 1.
/// </summary>
internal sealed class ListenAddressGuard(IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, ILogger<ListenAddressGuard> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Check);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Check()
    {
        var access = DevelopmentAccess.From(configuration);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!access.IsEnabled || DevelopmentAccess.AllLoopback(addresses))
        {
            return;
        }

        logger.LogCritical(
            "Development credentials are on but the process listens on {Addresses}, not on loopback only; stopping. Listen on 127.0.0.1 or set ASPNETCORE_ENVIRONMENT=Production with real credentials",
            string.Join(", ", addresses));
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }
}
