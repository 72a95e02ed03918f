using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen.Tickets;

/// <summary>Reads the kitchen's tickets (its own connection, outside any message): for the HTTP API, the demo and tools.</summary>
public sealed class KitchenTickets
{
    private readonly EndpointDatabase database;

    internal KitchenTickets(EndpointDatabase database) => this.database = database;

    /// <summary>Every ticket, oldest first.</summary>
    public Task<IReadOnlyList<KitchenTicket>> ReadAll(CancellationToken cancellationToken = default) => Read(null, cancellationToken);

    /// <summary>The tickets of restaurant <paramref name="restaurantId"/>, oldest first.</summary>
    public Task<IReadOnlyList<KitchenTicket>> ReadAll(Guid restaurantId, CancellationToken cancellationToken = default) => Read(restaurantId, cancellationToken);

    private Task<IReadOnlyList<KitchenTicket>> Read(Guid? restaurantId, CancellationToken cancellationToken) => database.Query<KitchenTicket>(
        $"SELECT {TicketSchema.Columns} FROM {TicketSchema.Table}{(restaurantId is null ? string.Empty : " WHERE restaurant_id = @restaurantId")} ORDER BY created_at, order_id",
        new { restaurantId },
        cancellationToken);

    /// <summary>The ticket of <paramref name="orderId"/>, or null when the kitchen has none.</summary>
    public async Task<KitchenTicket?> Find(Guid orderId, CancellationToken cancellationToken = default) =>
        (await database.Query<KitchenTicket>($"SELECT {TicketSchema.Columns} FROM {TicketSchema.Table} WHERE order_id = @orderId", new { orderId }, cancellationToken))
        .SingleOrDefault();
}
