using System.Security.Cryptography;
using System.Text;

namespace OrderEats.Kitchen.Api;

/// <summary>One kitchen staff key (Kitchen:Auth:StaffKeys:N): who holds it, the one restaurant it acts for, and the key as its SHA-256.</summary>
public sealed class StaffKeyOptions
{
    /// <summary>Who holds the key (logs and rate limits), e.g. "trattoria-pass".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The restaurant whose tickets the key may list and change; no other.</summary>
    public Guid RestaurantId { get; set; }

    /// <summary>The SHA-256 of the key as hex (<c>printf %s KEY | sha256sum</c>); configuration never holds the key itself.</summary>
    public string? Sha256 { get; set; }

    internal byte[] Hash() => Convert.FromHexString(Sha256!);

    internal static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    internal void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException($"{path}:Name is empty; name who holds the key, e.g. \"trattoria-pass\".");
        }

        if (RestaurantId == Guid.Empty)
        {
            throw new InvalidOperationException($"{path}:RestaurantId ({Name}) is not set; a staff key acts for exactly one restaurant: set its id (GET /restaurants lists them).");
        }

        if (Sha256 is not { Length: 64 } hex || !hex.All(Uri.IsHexDigit))
        {
            throw new InvalidOperationException($"{path}:Sha256 ({Name}) is not 64 hex digits; set it to the output of `printf %s KEY | sha256sum` for a random key (e.g. `openssl rand -hex 24`).");
        }
    }
}
