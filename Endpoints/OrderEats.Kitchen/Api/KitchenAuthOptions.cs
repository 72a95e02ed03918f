using System.Globalization;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Kitchen.Api;

/// <summary>Who may use the kitchen's HTTP API (configuration section "Kitchen:Auth"): staff keys, each bound to one restaurant.</summary>
public sealed class KitchenAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Kitchen:Auth";

    /// <summary>The staff keys.</summary>
    public IList<StaffKeyOptions> StaffKeys { get; } = [];

    /// <summary>Fails with the setting to fix when a key is malformed or a committed Development key is configured outside Development, or when a manual kitchen outside Development has no key.</summary>
    public KitchenAuthOptions Validate(DevelopmentAccess access, KitchenMode mode)
    {
        ArgumentNullException.ThrowIfNull(access);
        for (var i = 0; i < StaffKeys.Count; i++)
        {
            var path = string.Format(CultureInfo.InvariantCulture, "{0}:StaffKeys:{1}", Section, i);
            StaffKeys[i].Validate(path);
            if (!access.IsEnabled && DevelopmentSecrets.IsCommittedKeyHash(StaffKeys[i].Sha256))
            {
                throw UnsafeConfigurationException.CommittedSecret(path + ":Sha256", access);
            }
        }

        if (!access.IsEnabled && mode == KitchenMode.Manual && StaffKeys.Count == 0)
        {
            throw new UnsafeConfigurationException(
                $"Kitchen:Mode is Manual but {Section}:StaffKeys is empty, so nobody could accept, reject or mark a ticket ready, and Development keys are off because {access.Reason}. " +
                $"Add {Section}:StaffKeys:0:Name, :RestaurantId and :Sha256 (`printf %s KEY | sha256sum`) for each restaurant's staff; see docs/production.md.");
        }

        return this;
    }
}
