using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderEats.Orders.Http;

/// <summary>One back-office API key: its name (the caller's identity in logs and rate limits) and the key, preferably as its SHA-256 hash.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The integration's name, e.g. "backoffice".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The SHA-256 of the key as hex (<c>printf %s KEY | sha256sum</c>); preferred, so configuration never holds the key itself.</summary>
    public string? Sha256 { get; set; }

    /// <summary>The key itself (Development convenience); used only when <see cref="Sha256"/> is not set.</summary>
    public string? Key { get; set; }

    internal byte[] Hash() => Sha256 is { } hex ? Convert.FromHexString(hex) : SHA256.HashData(Encoding.UTF8.GetBytes(Key!));

    internal void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new InvalidOperationException($"{path}:Name is empty; name the integration the key belongs to, e.g. \"backoffice\".");
        }

        if (Sha256 is { } hex && (hex.Length != 64 || !hex.All(Uri.IsHexDigit)))
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture, "{0}:Sha256 of key {1} is not 64 hex digits; set it to the output of `printf %s KEY | sha256sum`.", path, Name));
        }

        if (Sha256 is null && string.IsNullOrEmpty(Key))
        {
            throw new InvalidOperationException($"{path} ({Name}) has neither Sha256 nor Key; set Sha256 to the key's SHA-256 in hex.");
        }
    }
}
