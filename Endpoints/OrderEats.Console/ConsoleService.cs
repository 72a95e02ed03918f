using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderEats.Console.Alerts;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Retries;
using OrderEats.Console.Security;
using OrderEats.Console.Storage;
using OrderEats.Console.Web;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Pages;
using OrderEats.Messages;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Console;

/// <summary>Adds the failed-message console to a host: its database, ingestion, retries, alerts, login, pages and API.</summary>
public static class ConsoleService
{
    /// <summary>The console process: its services, pages and API.</summary>
    public static ServiceDefinition Definition { get; } = new(
        EndpointNames.Console, (builder, infrastructure) => AddConsoleService(builder.Services, builder.Configuration, infrastructure), app => MapConsole(app));

    /// <summary>Registers the console's services, background ingestion and cookie authentication, reading the "Console" configuration section.</summary>
    public static IServiceCollection AddConsoleService(IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        // Development users only in the Development environment on loopback; anywhere else committed passwords are refused (ConsoleOptions).
        var options = ConsoleOptions.FromConfiguration(configuration, DevelopmentAccess.From(configuration).IsEnabled);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(infrastructure);
        var database = EndpointDatabase.For(infrastructure, options.Database);
        services.AddSingleton(new ConsoleDatabase(database));
        services.AddDatabaseHealthCheck(database);
        services.AddSingleton<ConsoleChanges>();
        services.AddSingleton<ConsoleTransport>();
        services.AddSingleton<FailureWriter>();
        services.AddSingleton<FailureCommands>();
        services.AddSingleton<FailureQueries>();
        services.AddSingleton<AlertQueue>();
        services.AddSingleton<RetryDispatcher>();
        services.AddSingleton<RetryService>();
        services.AddSingleton(sp => new UserDirectory(options, configuration, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<UserDirectory>>()));
        services.TryAddSingleton(new PasswordPolicy());
        services.AddSingleton<UserStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<ConsoleReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleReceiver>());
        services.AddHostedService(sp => sp.GetRequiredService<RetryDispatcher>());
        services.AddHostedService<AlertWebhookSender>();
        services.AddHttpClient(AlertWebhookSender.ClientName);
        Monitoring.MonitoringServices.Add(services, configuration);

        // Pages are Razor components rendered on the server (static rendering: no circuit, no WebSocket); forms carry antiforgery tokens.
        services.AddRazorComponents();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "OrderEats.Console.Antiforgery";
            antiforgery.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        if (ForwardedHeadersSetup.Parse(configuration["Console:TrustedProxies"]) is { Count: > 0 } proxies)
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ForwardedHeadersSetup(proxies));
        }

        ConsoleAuthentication.Add(services);
        services.AddProblemDetails();
        services.AddDefaultDenyAuthorization();
        services.AddHealthOperators(ConsoleAuth.Scheme, nameof(ConsoleRole.Reader), nameof(ConsoleRole.Operator));
        return services;
    }

    /// <summary>
    /// Maps the login, the pages (/, /failures, /groups, /events, /sagas, /endpoints), the JSON API (/api/...) and the two assets. Every console
    /// endpoint sends the security headers; state-changing requests from another origin are refused; the API takes only JSON bodies.
    /// </summary>
    public static IEndpointRouteBuilder MapConsole(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var console = routes.MapGroup(string.Empty).AddEndpointFilter<SecurityHeaders>().DisableAntiforgery();
        var pages = console.MapGroup(string.Empty).AddEndpointFilter(new RequestGuard(json: false));
        var api = console.MapGroup("/api").AddEndpointFilter(new RequestGuard(json: true));
        ConsoleAssets.Map(console);
        LoginEndpoints.Map(pages, api);
        PageEndpoints.Map(pages);
        ApiEndpoints.Map(api);
        Monitoring.MonitoringServices.Map(pages, api);
        return routes;
    }
}
