using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Orders.Data;
using OrderEats.Orders.Handlers;
using OrderEats.Orders.Http;
using OrderEats.Orders.Placement;
using OrderEats.Orders.ReadModel;
using OrderEats.Sagas;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Orders;

/// <summary>The Orders service: the order saga, the order read model and catalog, and their HTTP API. Composable into any host.</summary>
public static class OrdersService
{
    /// <summary>The endpoint's name and input queue.</summary>
    public const string EndpointName = "orders";

    /// <summary>The endpoint that charges and refunds (receives ChargePayment, RefundPayment).</summary>
    public const string PaymentsEndpoint = "payments";

    /// <summary>The endpoint that prepares orders (receives PrepareOrder).</summary>
    public const string KitchenEndpoint = "kitchen";

    /// <summary>
    /// Registers <see cref="OrdersOptions"/> (section "Orders") and the <see cref="OrderSagaOptions"/> made from them, <see cref="Catalog"/>,
    /// <see cref="OrderPlacement"/>, <see cref="OrdersReadModel"/>, and the "orders" endpoint on the orders database: the placement handler for
    /// <c>PlaceOrder</c> messages, <see cref="OrderSaga"/> (started by <c>StartOrder</c>, behind a guard) and the read-model handlers. <paramref name="configureEndpoint"/> may adjust the endpoint (concurrency, retries) last.
    /// </summary>
    public static IServiceCollection AddOrdersService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? configureEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(infrastructure);
        var options = new OrdersOptions();
        configuration.GetSection("Orders").Bind(options);
        options.Validate();
        var database = new OrdersDatabase(EndpointDatabase.For(infrastructure, "orders"));

        services.AddSingleton(options);
        services.AddSingleton(sp => new OrderSagaOptions
        {
            PaymentTimeout = options.PaymentTimeout,
            KitchenTimeout = options.KitchenTimeout,
            CancelledRetention = options.CancelledRetention,
            TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
        });
        services.AddSingleton(database);
        services.AddSingleton(sp => new OrdersReadModel(database, sp.GetRequiredService<ILogger<OrdersReadModel>>()));
        services.AddSingleton(sp => new Catalog.Catalog(database, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new OrderIntake(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new OrderPlacement(
            sp.GetRequiredKeyedService<StartedEndpoint>(EndpointName),
            sp.GetRequiredService<OrderIntake>(),
            sp.GetRequiredService<OrdersReadModel>(),
            sp.GetRequiredService<ILogger<OrderPlacement>>()));
        services.AddScoped<OrderChangeTracker>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        OrdersEdge.Add(services, configuration);
        var admission = Admission.AdmissionServices.Add(services, configuration, options);

        var endpoint = new EndpointConfiguration(EndpointName);
        endpoint.UseInfrastructure(infrastructure, database.Database, OrdersSchema.Migrations);
        // The guard first: it runs before the saga on every StartOrder, in the same transaction.
        endpoint.AddHandler<StartOrderGuard>();
        endpoint.AddHandler<OrderSaga>();
        endpoint.AddHandlersFromAssembly(typeof(OrdersService).Assembly);
        endpoint.Recoverability.CustomPolicy = OrdersRecoverability.Decide;
        endpoint.AddMessageTypesFromAssembly(typeof(PlaceOrder).Assembly);
        // The read model changes in the saga's own transaction: no round trip through the broker per status.
        endpoint.HandleInline<OrderStatusChanged>();
        endpoint.Routing
            .RouteToEndpoint<ChargePayment>(PaymentsEndpoint)
            .RouteToEndpoint<RefundPayment>(PaymentsEndpoint)
            .RouteToEndpoint<PrepareOrder>(KitchenEndpoint)
            .RouteToEndpoint<PlaceOrder>(EndpointName)
            .RouteToEndpoint<StartOrder>(EndpointName)
            .RouteToEndpoint<CancelOrder>(EndpointName);
        if (admission is not null)
        {
            // The console's endpoints page shows the gate (sent with the heartbeats, when reporting to the console is on).
            endpoint.ReportCondition(admission);
        }

        configureEndpoint?.Invoke(endpoint);
        services.AddOrderEatsEndpoint(endpoint);
        return services;
    }

    /// <summary>
    /// Maps the HTTP API: <c>POST/GET /restaurants</c>, <c>GET /restaurants/{id}</c>, <c>POST /customers</c>, <c>GET /customers/{id}</c>,
    /// <c>POST /orders</c>, <c>GET /orders/{id}</c>, <c>POST /orders/{id}/cancel</c>, each requiring a caller (customer token, back-office API key or
    /// staff token) and rate limited per caller; in Development on loopback also <c>POST /dev/token</c> (<see cref="DevelopmentAccess"/>). Errors are
    /// problem details (400 with errors per field, 401, 403, 404 also for another customer's order, 429).
    /// Call <see cref="UseOrdersEdge"/> before it.
    /// </summary>
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup(string.Empty).RequireAuthorization().RequireRateLimiting(OrdersEdge.RateLimitPolicy);
        CatalogApi.Map(api);
        OrdersApi.Map(api);
        if (DevelopmentAccess.From(routes.ServiceProvider.GetRequiredService<IConfiguration>()).IsEnabled)
        {
            DevTokenApi.Map(routes);
        }

        return routes;
    }

    /// <summary>Adds authentication, the rate limiter and authorization, in that order (anonymous requests count against their IP's limit). Call before <see cref="MapOrdersApi"/>.</summary>
    public static IApplicationBuilder UseOrdersEdge(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps <c>GET /health</c>: 200 <c>{"status":"ok"}</c> once the orders endpoint started, else 503. For the Orders process; a host maps its own.</summary>
    public static IEndpointRouteBuilder MapOrdersHealth(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("/health", ([FromKeyedServices(EndpointName)] StartedEndpoint endpoint) => endpoint.Instance is not null
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .RequireRateLimiting(OrdersEdge.RateLimitPolicy);
        return routes;
    }
}
