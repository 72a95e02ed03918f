using OrderEats.Engine;
using OrderEats.Kitchen.Api;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages;
using OrderEats.Messages.Commands;
using OrderEats.Messages.Replies;
using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen;

/// <summary>The Kitchen endpoint: one ticket per <see cref="PrepareOrder"/>, answered with OrderAccepted then OrderPrepared, or OrderRejected, sent to Orders.</summary>
public static class KitchenService
{
    /// <summary>
    /// Registers the kitchen options (section "Kitchen", checked at start), the staff keys, the <see cref="KitchenTickets"/> singleton and the
    /// endpoint on its own database. <paramref name="customize"/> may adjust the endpoint configuration last (tests: retry delays, extra handlers).
    /// </summary>
    public static IServiceCollection AddKitchenService(
        this IServiceCollection services, IConfiguration configuration, InfrastructureOptions infrastructure, Action<EndpointConfiguration>? customize = null)
    {
        services.AddValidatedOptions<KitchenOptions>(
            configuration,
            KitchenOptions.Section,
            o => o.IsValid,
            $"{KitchenOptions.Section}: Mode must be Auto or Manual, AcceptDelay and PrepareTime must not be negative, RejectionRate and IgnoreRate must be between 0 and 1.");
        KitchenEdge.Add(services, configuration);
        var tickets = EndpointDatabase.For(infrastructure, EndpointNames.Kitchen);
        services.AddSingleton(new KitchenTickets(tickets));
        return services.AddServiceEndpoint(EndpointNames.Kitchen, infrastructure, tickets, TicketSchema.Migrations, typeof(KitchenService).Assembly, endpoint => endpoint.Routing
            .RouteToEndpoint<OrderAccepted>(EndpointNames.Orders)
            .RouteToEndpoint<OrderRejected>(EndpointNames.Orders)
            .RouteToEndpoint<OrderPrepared>(EndpointNames.Orders), customize);
    }

    /// <summary>The Kitchen process: the endpoint and the manual kitchen's routes.</summary>
    public static ServiceDefinition Definition { get; } = new(
        EndpointNames.Kitchen, (builder, infrastructure) => builder.Services.AddKitchenService(builder.Configuration, infrastructure), app => app.MapKitchenApi());

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
}
