using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderEats.Console.Alerts;
using OrderEats.Console.Ingestion;
using OrderEats.Console.Retries;
using OrderEats.Console.Security;
using OrderEats.Console.Storage;
using OrderEats.Console.Web;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Pages;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Health;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Console;

/// <summary>Adds the failed-message console to a host: its database, ingestion, retries, alerts, login, pages and API.</summary>
public static class ConsoleService
{
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
        services.AddSingleton(new ConsoleDatabase(EndpointDatabase.For(infrastructure, options.Database)));
        services.AddSingleton<ConsoleChanges>();
        services.AddSingleton<ConsoleTransport>();
        services.AddSingleton<FailureWriter>();
        services.AddSingleton<FailureCommands>();
        services.AddSingleton<FailureQueries>();
        services.AddSingleton<AlertQueue>();
        services.AddSingleton<RetryDispatcher>();
        services.AddSingleton<RetryService>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ConsoleReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleReceiver>());
        services.AddHostedService(sp => sp.GetRequiredService<RetryDispatcher>());
        services.AddHostedService<AlertWebhookSender>();
        services.AddHttpClient(AlertWebhookSender.ClientName);
        Monitoring.MonitoringServices.Add(services, configuration);

        services.AddAuthentication(ConsoleAuth.Scheme).AddCookie(ConsoleAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = "OrderEats.Console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => ApiAware(context, Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiAware(context, Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.Readers, policy => policy.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(nameof(ConsoleRole.Reader), nameof(ConsoleRole.Operator)))
            .AddPolicy(ConsoleAuth.Operators, policy => policy.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(nameof(ConsoleRole.Operator)));
        services.AddProblemDetails();
        services.AddDefaultDenyAuthorization();
        services.AddHealthOperators(ConsoleAuth.Scheme, nameof(ConsoleRole.Reader), nameof(ConsoleRole.Operator));
        return services;
    }

    /// <summary>Maps the login, the pages (/, /failures, /groups, /events) and the JSON API (/api/...).</summary>
    public static IEndpointRouteBuilder MapConsole(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        LoginEndpoints.Map(routes);
        PageEndpoints.Map(routes);
        ApiEndpoints.Map(routes);
        Monitoring.MonitoringServices.Map(routes);
        return routes;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
