using System.Security.Cryptography;
using OrderEats.Console.Storage;

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
        var stamp = await Sql.Query(connection, null, "SELECT stamp FROM console_users WHERE name = @name", r => r.Text("stamp"), cancellationToken, ("@name", key));
        if (stamp.Count == 1)
        {
            return stamp[0];
        }

        var fresh = NewStamp();
        try
        {
            await Sql.Execute(connection, null, "INSERT INTO console_users (name, stamp, updated) VALUES (@name, @stamp, @now)", cancellationToken,
                ("@name", key), ("@stamp", fresh), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
            return fresh;
        }
        catch (System.Data.Common.DbException)
        {
            // Another request created it first.
            return (await Sql.Query(connection, null, "SELECT stamp FROM console_users WHERE name = @name", r => r.Text("stamp"), cancellationToken, ("@name", key))).Single();
        }
    }

    /// <summary>Gives the user a new stamp: every session signed in before ends at its next request.</summary>
    public async Task Rotate(string name, CancellationToken cancellationToken = default)
    {
        var key = Key(name);
        await Stamp(key, cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        await Sql.Execute(connection, null, "UPDATE console_users SET stamp = @stamp, updated = @now WHERE name = @name", cancellationToken,
            ("@name", key), ("@stamp", NewStamp()), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    /// <summary>The stronger hash stored for <paramref name="configuredHash"/>, if the user's password was re-hashed since that hash was configured.</summary>
    public async Task<string?> Upgraded(string name, string configuredHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var rows = await Sql.Query(connection, null, "SELECT upgraded_hash, upgraded_from FROM console_users WHERE name = @name",
            r => (Hash: r.NullableText("upgraded_hash"), From: r.NullableText("upgraded_from")), cancellationToken, ("@name", Key(name)));
        return rows.Count == 1 && rows[0].From == PasswordHash.Fingerprint(configuredHash) ? rows[0].Hash : null;
    }

    public async Task SaveUpgraded(string name, string configuredHash, string upgradedHash, CancellationToken cancellationToken = default)
    {
        var key = Key(name);
        await Stamp(key, cancellationToken);
        await using var connection = await database.Open(cancellationToken);
        await Sql.Execute(connection, null, "UPDATE console_users SET upgraded_hash = @hash, upgraded_from = @from, updated = @now WHERE name = @name", cancellationToken,
            ("@name", key), ("@hash", upgradedHash), ("@from", PasswordHash.Fingerprint(configuredHash)), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
