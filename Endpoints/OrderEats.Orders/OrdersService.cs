using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderEats.Engine;
using OrderEats.Engine.ConsoleReporting;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Events;
using OrderEats.Orders.Catalog;
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
    /// <summary>The Orders process: the endpoint and the HTTP API.</summary>
    public static ServiceDefinition Definition { get; } = Customized(null);

    /// <summary>The Orders process with <paramref name="customize"/> applied to its endpoint last (test hosts: extra queues, a wrapped transport).</summary>
    public static ServiceDefinition Customized(Action<EndpointConfiguration>? customize) => new(
        EndpointNames.Orders, (builder, infrastructure) => builder.Services.AddOrdersService(builder.Configuration, infrastructure, customize), app => app.MapOrdersApi());

    /// <summary>
    /// Registers <see cref="OrdersOptions"/> (section "Orders", checked at start) and the <see cref="OrderSagaOptions"/> made from them,
    /// <see cref="CatalogStore"/>, <see cref="OrderPlacement"/>, <see cref="OrdersReadModel"/>, the HTTP edge, the admission gate, and the "orders"
    /// endpoint on the orders database: the placement handler for <c>PlaceOrder</c> messages, <see cref="OrderSaga"/> (started by
    /// <c>StartOrder</c>, behind a guard) and the read-model handlers. <paramref name="customize"/> may adjust the endpoint (concurrency,
    /// retries) last.
    /// </summary>
    public static IServiceCollection AddOrdersService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        services.AddValidatedOptions<OrdersOptions>(configuration, OrdersOptions.Section, options => options.Problems());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OrdersOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<OrdersOptions>();
            return new OrderSagaOptions
            {
                PaymentTimeout = options.PaymentTimeout,
                KitchenTimeout = options.KitchenTimeout,
                CancelledRetention = options.CancelledRetention,
                TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
            };
        });
        var database = new OrdersDatabase(EndpointDatabase.For(infrastructure, EndpointNames.Orders));
        AddParts(services, database);
        OrdersEdge.Add(services, configuration);
        var admission = Admission.AdmissionServices.Add(services, configuration);
        return services.AddServiceEndpoint(
            EndpointNames.Orders, infrastructure, database.Database, OrdersSchema.Migrations, typeof(OrdersService).Assembly, endpoint => Configure(endpoint, admission), customize);
    }

    /// <summary>
    /// Maps the HTTP API: <c>POST/GET /restaurants</c>, <c>GET /restaurants/{id}</c>, <c>POST /customers</c>, <c>GET /customers/{id}</c>,
    /// <c>POST /orders</c>, <c>GET /orders/{id}</c>, <c>POST /orders/{id}/cancel</c>, each requiring a caller (customer token, back-office API key or
    /// staff token) and rate limited per caller; in Development on loopback also <c>POST /dev/token</c> (<see cref="DevelopmentAccess"/>). Errors are
    /// problem details (400 with errors per field, 401, 403, 404 also for another customer's order, 429).
    /// Call <see cref="ServiceDefaultsExtensions.UseOrderEatsEdge"/> before it.
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

    private static void AddParts(IServiceCollection services, OrdersDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton(sp => new OrdersReadModel(database, sp.GetRequiredService<ILogger<OrdersReadModel>>()));
        services.AddSingleton(sp => new CatalogStore(database, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new OrderIntake(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new PlacementCommit(
            sp.GetRequiredKeyedService<StartedEndpoint>(EndpointNames.Orders), sp.GetRequiredService<OrderIntake>(), sp.GetRequiredService<OrdersReadModel>(), sp.GetRequiredService<ILogger<PlacementCommit>>()));
        services.AddSingleton(sp => new OrderCancellation(
            sp.GetRequiredKeyedService<StartedEndpoint>(EndpointNames.Orders), sp.GetRequiredService<OrdersReadModel>(), sp.GetRequiredService<ILogger<OrderCancellation>>()));
        services.AddSingleton(sp => new OrderPlacement(
            sp.GetRequiredService<PlacementCommit>(), sp.GetRequiredService<OrderCancellation>(), sp.GetRequiredService<ILogger<OrderPlacement>>()));
        services.AddScoped<OrderChangeTracker>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }

    private static void Configure(EndpointConfiguration endpoint, Func<IServiceProvider, IEndpointCondition>? admission)
    {
        // The guard first: it runs before the saga on every StartOrder, in the same transaction.
        endpoint.AddHandler<StartOrderGuard>().AddHandler<OrderSaga>();
        endpoint.Recoverability.CustomPolicy = OrdersRecoverability.Decide;
        // The read model changes in the saga's own transaction: no round trip through the broker per status.
        endpoint.HandleInline<OrderStatusChanged>();
        endpoint.Routing
            .RouteToEndpoint<ChargePayment>(EndpointNames.Payments)
            .RouteToEndpoint<RefundPayment>(EndpointNames.Payments)
            .RouteToEndpoint<PrepareOrder>(EndpointNames.Kitchen)
            .RouteToEndpoint<PlaceOrder>(EndpointNames.Orders)
            .RouteToEndpoint<StartOrder>(EndpointNames.Orders)
            .RouteToEndpoint<CancelOrder>(EndpointNames.Orders);
        if (admission is not null)
        {
            // The console's endpoints page shows the gate (sent with the heartbeats, when reporting to the console is on).
            endpoint.ReportCondition(admission);
        }
    }
}
