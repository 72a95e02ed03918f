using System.Data.Common;
using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen.Tickets;

/// <summary>Reads the kitchen's tickets (its own connection, outside any message): for the HTTP API, the demo and tools.</summary>
public sealed class KitchenTickets
{
    internal KitchenTickets(EndpointDatabase database) => Database = database;

    internal EndpointDatabase Database { get; }

    /// <summary>Every ticket, oldest first.</summary>
    public Task<IReadOnlyList<KitchenTicket>> ReadAll(CancellationToken cancellationToken = default) => Read(null, cancellationToken);

    /// <summary>The tickets of restaurant <paramref name="restaurantId"/>, oldest first.</summary>
    public Task<IReadOnlyList<KitchenTicket>> ReadAll(Guid restaurantId, CancellationToken cancellationToken = default) => Read(restaurantId, cancellationToken);

    private async Task<IReadOnlyList<KitchenTicket>> Read(Guid? restaurantId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.Open(cancellationToken);
        await using var command = SqlValues.Command(
            connection, null, $"SELECT {TicketSchema.Columns} FROM {TicketSchema.Table}{(restaurantId is null ? string.Empty : " WHERE restaurant_id = @restaurant")} ORDER BY created_at, order_id");
        if (restaurantId is { } restaurant)
        {
            command.Add("@restaurant", SqlValues.StoredGuid(Database.Kind, restaurant));
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tickets = new List<KitchenTicket>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(Read(reader));
        }

        return tickets;
    }

    /// <summary>The ticket of <paramref name="orderId"/>, or null when the kitchen has none.</summary>
    public async Task<KitchenTicket?> Find(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.Open(cancellationToken);
        await using var command = SqlValues.Command(connection, null, $"SELECT {TicketSchema.Columns} FROM {TicketSchema.Table} WHERE order_id = @order")
            .Add("@order", SqlValues.StoredGuid(Database.Kind, orderId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    internal static KitchenTicket Read(DbDataReader reader) => new(
        SqlValues.ReadGuid(reader.GetValue(0)),
        SqlValues.ReadGuid(reader.GetValue(1)),
        reader.GetString(2),
        SqlValues.ReadTime(reader.GetValue(3)),
        SqlValues.ReadTime(reader.GetValue(4)));
}
