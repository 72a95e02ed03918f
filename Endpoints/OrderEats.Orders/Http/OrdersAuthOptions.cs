using System.Globalization;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Orders.Http;

/// <summary>
/// Who may call the Orders API (configuration section "Orders:Auth"): customers with JWT bearer tokens, either signed with <see cref="SigningKey"/>
/// (HS256) or issued by the OpenID Connect <see cref="Authority"/> (the token's subject is the customer id); back-office integrations with an API
/// key in the <c>X-Api-Key</c> header, or back-office staff with tokens of the separately configured <see cref="Staff"/> issuer and audience. A
/// customer token never carries back-office rights, whatever claims it holds.
/// </summary>
public sealed class OrdersAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orders:Auth";

    /// <summary>The HMAC-SHA256 key customer tokens are signed with, at least 32 bytes of UTF-8. Keep it out of source control outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The OpenID Connect authority that issues customer tokens (its signing keys are read from its metadata); instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer customer tokens must carry (default "ordereats").</summary>
    public string Issuer { get; set; } = "ordereats";

    /// <summary>The audience customer tokens must carry (default "ordereats-api").</summary>
    public string Audience { get; set; } = "ordereats-api";

    /// <summary>The signing algorithms accepted on customer tokens; empty: HS256 with a <see cref="SigningKey"/>, RS256 with an <see cref="Authority"/>.</summary>
    public IList<string> Algorithms { get; } = [];

    /// <summary>How long a token from the Development-only <c>POST /dev/token</c> lives (default 1 hour).</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The back-office API keys; each grants full access.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Back-office staff tokens (section "Orders:Auth:Staff"): their own issuer, audience and key or authority.</summary>
    public StaffTokenOptions Staff { get; set; } = new();

    internal bool HasCustomerTokens => SigningKey is not null || Authority is not null;

    internal IReadOnlyList<string> AcceptedAlgorithms => TokenAlgorithms.Accepted(Algorithms, SigningKey is not null);

    /// <summary>Fails with the setting to fix when a value is malformed, or (without <paramref name="access"/>) when the API would accept nobody or a secret is a committed Development value.</summary>
    public OrdersAuthOptions Validate(DevelopmentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        TokenAlgorithms.CheckKeyOrAuthority(Section, SigningKey, Authority, Algorithms);
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            ApiKeys[i].Validate(string.Format(CultureInfo.InvariantCulture, "{0}:ApiKeys:{1}", Section, i));
        }

        Staff.Validate(this);
        if (access.IsEnabled)
        {
            return this;
        }

        if (!HasCustomerTokens && ApiKeys.Count == 0 && !Staff.IsConfigured)
        {
            throw new UnsafeConfigurationException(
                $"The Orders API would accept no caller: neither {Section}:SigningKey nor {Section}:Authority (customer tokens) nor {Section}:ApiKeys " +
                $"(back-office keys) nor {Section}:Staff is set, and Development credentials are off because {access.Reason}. Set {Section}:SigningKey " +
                $"(or {Section}:Authority) and {Section}:ApiKeys:0:Name with {Section}:ApiKeys:0:Sha256 (`printf %s KEY | sha256sum`); see docs/production.md.");
        }

        if (DevelopmentSecrets.IsCommittedKey(SigningKey))
        {
            throw UnsafeConfigurationException.CommittedSecret(Section + ":SigningKey", access);
        }

        if (DevelopmentSecrets.IsCommittedKey(Staff.SigningKey))
        {
            throw UnsafeConfigurationException.CommittedSecret(Section + ":Staff:SigningKey", access);
        }

        for (var i = 0; i < ApiKeys.Count; i++)
        {
            if (DevelopmentSecrets.IsCommittedKey(ApiKeys[i].Key) || DevelopmentSecrets.IsCommittedKeyHash(ApiKeys[i].Sha256))
            {
                throw UnsafeConfigurationException.CommittedSecret(string.Format(CultureInfo.InvariantCulture, "{0}:ApiKeys:{1} ({2})", Section, i, ApiKeys[i].Name), access);
            }
        }

        return this;
    }

    /// <summary>Treats empty settings as not set (compose passes an unset optional variable as an empty string).</summary>
    internal OrdersAuthOptions Normalize()
    {
        SigningKey = Value(SigningKey);
        Authority = Value(Authority);
        Staff.Issuer = Value(Staff.Issuer);
        Staff.Audience = Value(Staff.Audience);
        Staff.SigningKey = Value(Staff.SigningKey);
        Staff.Authority = Value(Staff.Authority);
        return this;
    }

    internal static int KeyBytes(string key) => Encoding.UTF8.GetByteCount(key);

    internal static SymmetricSecurityKey Key(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    private static string? Value(string? setting) => string.IsNullOrWhiteSpace(setting) ? null : setting;
}
