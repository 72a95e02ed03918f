using System.Collections.Concurrent;
using System.Security.Cryptography;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Kitchen.Api;

/// <summary>
/// The staff keys the kitchen accepts: the configured ones, plus (only with <see cref="DevelopmentAccess"/>) keys handed out by
/// <c>POST /dev/kitchen-key</c> for this process's lifetime. Keys are compared by SHA-256 in constant time.
/// </summary>
internal sealed class StaffKeys(KitchenAuthOptions options, bool development)
{
    private readonly (string Name, Guid RestaurantId, byte[] Hash)[] configured = [.. options.StaffKeys.Select(k => (k.Name, k.RestaurantId, k.Hash()))];
    private readonly ConcurrentDictionary<string, (string Name, Guid RestaurantId, byte[] Hash)> issued = new(StringComparer.Ordinal);

    public bool CanIssue => development;

    public StaffMember? Find(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return null;
        }

        var presented = StaffKeyOptions.HashOf(presentedKey);
        StaffMember? found = null;
        foreach (var key in configured.Concat(development ? issued.Values : []))
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash))
            {
                found = new StaffMember(key.Name, key.RestaurantId);
            }
        }

        return found;
    }

    public string Issue(Guid restaurantId)
    {
        if (!development)
        {
            throw new InvalidOperationException("Kitchen keys are handed out only in Development on loopback; configure Kitchen:Auth:StaffKeys instead.");
        }

        var key = "kitchen-dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var name = "dev-" + restaurantId.ToString("N")[..8] + "-" + issued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        issued[name] = (name, restaurantId, StaffKeyOptions.HashOf(key));
        return key;
    }
}
