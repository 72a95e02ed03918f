using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace OrderEats.ServiceDefaults;

/// <summary>
/// One OrderEats service as a process runs it: what it registers and what it maps. Its own process runs it alone
/// (<see cref="ServiceProcess.Run"/>); the all-in-one host composes several into one application the same way.
/// </summary>
/// <param name="Name">The service's name, for messages.</param>
/// <param name="Add">Registers the service (options, singletons, its endpoint) in the builder.</param>
/// <param name="Map">Maps the service's HTTP routes, if it has any.</param>
public sealed record ServiceDefinition(string Name, Action<IHostApplicationBuilder, InfrastructureOptions> Add, Action<WebApplication>? Map = null);
