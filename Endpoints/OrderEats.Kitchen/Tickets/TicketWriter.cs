using Dapper;
using OrderEats.Engine;
using OrderEats.ServiceDefaults;

namespace OrderEats.Kitchen.Tickets;

// Tickets as handlers see them: changed on the message's unit of work (its connection and transaction), so a ticket's new status and the
// message announcing it commit together.
internal sealed class TicketWriter(IStorageSession storage, TimeProvider time)
{
    public Task<string?> Status(Guid orderId, CancellationToken cancellationToken = default) =>
        storage.Connection.ExecuteScalarAsync<string?>(DapperSql.Command(
            $"SELECT status FROM {TicketSchema.Table} WHERE order_id = @orderId", new { orderId }, storage.Transaction, cancellationToken));

    public Task Create(Guid orderId, Guid restaurantId, string status, CancellationToken cancellationToken = default) =>
        storage.Connection.ExecuteAsync(DapperSql.Command(
            $"INSERT INTO {TicketSchema.Table} (order_id, restaurant_id, status, created_at, updated_at) VALUES (@orderId, @restaurantId, @status, @now, @now)",
            new { orderId, restaurantId, status, now = time.GetUtcNow() },
            storage.Transaction,
            cancellationToken));

    // Moves the ticket from one status to the next; false (and nothing changed) when it is not in the expected status, so each transition
    // happens once even when the command that asks for it is repeated or races another.
    public async Task<bool> Move(Guid orderId, string from, string to, string? reason = null, CancellationToken cancellationToken = default) =>
        await storage.Connection.ExecuteAsync(DapperSql.Command(
            $"UPDATE {TicketSchema.Table} SET status = @to, reason = @reason, updated_at = @now WHERE order_id = @orderId AND status = @from",
            new { to, reason, now = time.GetUtcNow(), orderId, from },
            storage.Transaction,
            cancellationToken)) == 1;
}
