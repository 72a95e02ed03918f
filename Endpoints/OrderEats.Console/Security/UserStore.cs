using System.Security.Cryptography;
using Dapper;
using OrderEats.Console.Storage;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Security;

/// <summary>
/// What the console keeps per user in its database: the security stamp every session must match (a new one on logout ends all of the user's
/// sessions) and a stronger re-hash of a configured password hash with too few iterations.
/// </summary>
internal sealed class UserStore(ConsoleDatabase database, TimeProvider time)
{
    public async Task<string> Stamp(string name, CancellationToken cancellationToken = default)
    {
        var key = Key(name);
        await using var connection = await database.Open(cancellationToken);
        var select = DapperSql.Command("SELECT stamp FROM console_users WHERE name = @key", new { key }, null, cancellationToken);
        if (await connection.QuerySingleOrDefaultAsync<string?>(select) is { } stamp)
        {
            return stamp;
        }

        var fresh = NewStamp();
        try
        {
            await connection.ExecuteAsync(DapperSql.Command(
                "INSERT INTO console_users (name, stamp, updated) VALUES (@key, @fresh, @now)", new { key, fresh, now = time.GetUtcNow() }, null, cancellationToken));
            return fresh;
        }
        catch (System.Data.Common.DbException)
        {
            // Another request created it first.
            return await connection.QuerySingleAsync<string>(select);
        }
    }

    /// <summary>Gives the user a new stamp: every session signed in before ends at its next request.</summary>
    public async Task Rotate(string name, CancellationToken cancellationToken = default)
    {
        var key = Key(name);
        await Stamp(key, cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_users SET stamp = @stamp, updated = @now WHERE name = @key", new { key, stamp = NewStamp(), now = time.GetUtcNow() }, null, cancellationToken));
    }

    /// <summary>The stronger hash stored for <paramref name="configuredHash"/>, if the user's password was re-hashed since that hash was configured.</summary>
    public async Task<string?> Upgraded(string name, string configuredHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = (await connection.QueryAsync<(string? Hash, string? From)>(DapperSql.Command(
            "SELECT upgraded_hash, upgraded_from FROM console_users WHERE name = @key", new { key = Key(name) }, null, cancellationToken))).ToList();
        return rows.Count == 1 && rows[0].From == PasswordHash.Fingerprint(configuredHash) ? rows[0].Hash : null;
    }

    public async Task SaveUpgraded(string name, string configuredHash, string upgradedHash, CancellationToken cancellationToken = default)
    {
        var key = Key(name);
        await Stamp(key, cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        await connection.ExecuteAsync(DapperSql.Command(
            "UPDATE console_users SET upgraded_hash = @upgradedHash, upgraded_from = @from, updated = @now WHERE name = @key",
            new { key, upgradedHash, from = PasswordHash.Fingerprint(configuredHash), now = time.GetUtcNow() },
            null,
            cancellationToken));
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
