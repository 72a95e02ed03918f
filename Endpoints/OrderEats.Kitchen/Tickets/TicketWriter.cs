using OrderEats.ServiceDefaults;
using OrderEats.Engine;
using OrderEats.Engine.Sql;

namespace OrderEats.Kitchen.Tickets;

// Tickets as handlers see them: changed in the message's unit of work, so a ticket's new status and the message announcing it commit together.
internal sealed class TicketWriter(IStorageSession storage, SqlDialectKind kind)
{
    public async Task<string?> Status(Guid orderId, CancellationToken cancellationToken = default)
    {
        await using var command = SqlValues.Command(storage.Connection, storage.Transaction, $"SELECT status FROM {TicketSchema.Table} WHERE order_id = @order")
            .Add("@order", SqlValues.StoredGuid(kind, orderId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task Create(Guid orderId, Guid restaurantId, string status, CancellationToken cancellationToken = default)
    {
        var now = SqlValues.StoredTime(kind, TimeProvider.System.GetUtcNow());
        await using var command = SqlValues.Command(
                storage.Connection,
                storage.Transaction,
                $"INSERT INTO {TicketSchema.Table} (order_id, restaurant_id, status, created_at, updated_at) VALUES (@order, @restaurant, @status, @now, @now)")
            .Add("@order", SqlValues.StoredGuid(kind, orderId))
            .Add("@restaurant", SqlValues.StoredGuid(kind, restaurantId))
            .Add("@status", status)
            .Add("@now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Moves the ticket from one status to the next; false (and nothing changed) when it is not in the expected status, so each transition
    // happens once even when the command that asks for it is repeated or races another.
    public async Task<bool> Move(Guid orderId, string from, string to, string? reason = null, CancellationToken cancellationToken = default)
    {
        await using var command = SqlValues.Command(
                storage.Connection,
                storage.Transaction,
                $"UPDATE {TicketSchema.Table} SET status = @to, reason = @reason, updated_at = @now WHERE order_id = @order AND status = @from")
            .Add("@to", to)
            .Add("@reason", reason)
            .Add("@now", SqlValues.StoredTime(kind, TimeProvider.System.GetUtcNow()))
            .Add("@order", SqlValues.StoredGuid(kind, orderId))
            .Add("@from", from);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
