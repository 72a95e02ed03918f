using System.Security.Cryptography;
using System.Text;

namespace OrderEats.ServiceDefaults.Security;

/// <summary>
/// The credentials committed to the repository for Development (appsettings.Development.json, the console's default users). Outside
/// <see cref="DevelopmentAccess"/> a process refuses to start when one of its secrets equals one of these.
/// </summary>
public static class DevelopmentSecrets
{
    /// <summary>Orders:Auth:SigningKey in Endpoints/OrderEats.Orders/appsettings.Development.json.</summary>
    public const string OrdersSigningKey = "development-only-signing-key-do-not-use-in-production-0123456789";

    /// <summary>The back-office key (Orders:Auth:ApiKeys:0:Key) in Endpoints/OrderEats.Orders/appsettings.Development.json.</summary>
    public const string BackOfficeKey = "dev-backoffice-key";

    /// <summary>The passwords of the console's Development users operator and reader.</summary>
    public static IReadOnlyList<string> ConsolePasswords { get; } = ["operator", "reader"];

    /// <summary>Every committed secret that is a key or signing key (not a password).</summary>
    public static IReadOnlyList<string> Keys { get; } = [OrdersSigningKey, BackOfficeKey];

    /// <summary>True when <paramref name="value"/> is one of the committed <see cref="Keys"/>.</summary>
    public static bool IsCommittedKey(string? value) => value is not null && Keys.Contains(value, StringComparer.Ordinal);

    /// <summary>True when <paramref name="sha256Hex"/> is the SHA-256 (hex) of one of the committed <see cref="Keys"/>.</summary>
    public static bool IsCommittedKeyHash(string? sha256Hex) => sha256Hex is not null
        && Keys.Any(key => string.Equals(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))), sha256Hex, StringComparison.OrdinalIgnoreCase));
}
