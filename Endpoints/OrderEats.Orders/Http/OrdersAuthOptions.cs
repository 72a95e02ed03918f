using System.Globalization;
using System.Text;

namespace OrderEats.Orders.Http;

/// <summary>
/// Who may call the Orders API (configuration section "Orders:Auth"): customers with JWT bearer tokens signed with <see cref="SigningKey"/>
/// (the token's subject is the customer id), back-office integrations with an API key in the <c>X-Api-Key</c> header.
/// </summary>
public sealed class OrdersAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Orders:Auth";

    /// <summary>The HMAC-SHA256 key tokens are signed with, at least 32 bytes of UTF-8; without it every bearer token is rejected. Keep it out of source control outside Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The issuer tokens must carry (default "ordereats").</summary>
    public string Issuer { get; set; } = "ordereats";

    /// <summary>The audience tokens must carry (default "ordereats-api").</summary>
    public string Audience { get; set; } = "ordereats-api";

    /// <summary>How long a token from the Development-only <c>POST /dev/token</c> lives (default 1 hour).</summary>
    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The back-office API keys; each grants full access.</summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Fails with the setting to fix when the key is too short or an API key is malformed.</summary>
    public OrdersAuthOptions Validate()
    {
        if (SigningKey is { } key && Encoding.UTF8.GetByteCount(key) < 32)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "{0}:SigningKey is {1} bytes long; HMAC-SHA256 needs at least 32. Set a longer random key (e.g. `openssl rand -base64 48`).",
                Section, Encoding.UTF8.GetByteCount(key)));
        }

        for (var i = 0; i < ApiKeys.Count; i++)
        {
            ApiKeys[i].Validate(string.Format(CultureInfo.InvariantCulture, "{0}:ApiKeys:{1}", Section, i));
        }

        return this;
    }
}
