using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Kitchen.Api;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen;

/// <summary>The Kitchen endpoint: one ticket per <see cref="PrepareOrder"/>, answered with OrderAccepted then OrderPrepared, or OrderRejected, sent to "orders".</summary>
public static class KitchenService
{
    /// <summary>The endpoint's name and queue.</summary>
    public const string EndpointName = "kitchen";

    /// <summary>The configuration section of <see cref="KitchenOptions"/>.</summary>
    public const string Section = "Kitchen";

    private const string OrdersEndpoint = "orders";

    /// <summary>
    /// Registers the kitchen options (section "Kitchen"), the <see cref="KitchenTickets"/> singleton and the endpoint on its own database.
    /// <paramref name="customize"/> may adjust the endpoint configuration last (tests: retry delays, extra handlers).
    /// </summary>
    public static IServiceCollection AddKitchenService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        services.AddOptions<KitchenOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(o => o.IsValid, $"{Section}: Mode must be Auto or Manual, AcceptDelay and PrepareTime must not be negative, RejectionRate and IgnoreRate must be between 0 and 1.")
            .ValidateOnStart();

        KitchenEdge.Add(services, configuration);
        var database = EndpointDatabase.For(infrastructure, "kitchen");
        services.AddSingleton(new KitchenTickets(database));

        var endpoint = new EndpointConfiguration(EndpointName)
            .UseInfrastructure(infrastructure, database, TicketSchema.Migrations)
            .AddHandlersFromAssembly(typeof(KitchenService).Assembly)
            .AddMessageTypesFromAssembly(typeof(PlaceOrder).Assembly);
        endpoint.Routing
            .RouteToEndpoint<OrderAccepted>(OrdersEndpoint)
            .RouteToEndpoint<OrderRejected>(OrdersEndpoint)
            .RouteToEndpoint<OrderPrepared>(OrdersEndpoint);
        customize?.Invoke(endpoint);
        return services.AddOrderEatsEndpoint(endpoint);
    }

    /// <summary>
    /// Maps the manual kitchen under /kitchen/tickets for staff keys (header X-Kitchen-Key, each bound to one restaurant, rate limited per key):
    /// GET (optionally ?status=), GET /{orderId}, POST /{orderId}/accept, /reject (body {"reason"}, at most 500 characters) and /ready, all limited
    /// to the key's restaurant. 401 without a valid key, 404 for an unknown ticket or another restaurant's, 409 for a ticket in the wrong state,
    /// 429 past the rate limit (problem details), 202 when the change was sent to the kitchen. With Development access also <c>POST /dev/kitchen-key</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapKitchenApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        KitchenApi.Map(routes);
        if (routes.ServiceProvider.GetRequiredService<StaffKeys>().CanIssue)
        {
            DevKitchenKeyApi.Map(routes);
        }

        return routes;
    }

    /// <summary>Adds authentication, the rate limiter and authorization for the kitchen process (the all-in-one host adds them once itself).</summary>
    public static IApplicationBuilder UseKitchenEdge(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
