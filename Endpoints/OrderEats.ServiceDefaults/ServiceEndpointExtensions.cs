using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Migrations;

namespace OrderEats.ServiceDefaults;

/// <summary>The registration every OrderEats service makes the same way: validated options and its endpoint on its own database.</summary>
public static class ServiceEndpointExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to configuration section <paramref name="section"/> and checks it when the host starts: the
    /// process does not start with <paramref name="message"/> (which should name the keys to fix) while <paramref name="isValid"/> is false.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, bool> isValid, string message)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).Validate(isValid, message).ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to configuration section <paramref name="section"/> and checks it when the host starts: the
    /// process does not start while <paramref name="problems"/> lists anything (one message per setting, naming its key and how to fix it).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, IReadOnlyList<string>> problems)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new ProblemsValidation<TOptions>(problems));
        return services;
    }

    /// <summary>
    /// Runs the endpoint <paramref name="name"/> in the host: on the configured transport and on <paramref name="database"/> with the outbox
    /// and the service's business tables
    /// (<paramref name="migrations"/>, applied at start); then <paramref name="configure"/> (the service's own handlers first, routing,
    /// recoverability), every handler of <paramref name="handlers"/> and every message type of OrderEats.Messages; last
    /// <paramref name="customize"/> (hosts and tests: concurrency, retry delays, extra handlers). The database is a readiness check.
    /// </summary>
    public static IServiceCollection AddServiceEndpoint(
        this IServiceCollection services,
        string name,
        InfrastructureOptions infrastructure,
        EndpointDatabase database,
        BusinessMigrations migrations,
        Assembly handlers,
        Action<EndpointConfiguration>? configure,
        Action<EndpointConfiguration>? customize)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(handlers);
        var endpoint = new EndpointConfiguration(name).UseInfrastructure(infrastructure, database, migrations);
        configure?.Invoke(endpoint);
        endpoint.AddHandlersFromAssembly(handlers).AddMessageTypesFromAssembly(typeof(Messages.EndpointNames).Assembly);
        customize?.Invoke(endpoint);
        // The clock handlers and services stamp rows with; a TimeProvider the host or a test registers takes its place.
        services.TryAddSingleton(TimeProvider.System);
        services.AddDatabaseHealthCheck(database);
        return services.AddOrderEatsEndpoint(endpoint);
    }
}
