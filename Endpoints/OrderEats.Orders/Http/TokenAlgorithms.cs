using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace OrderEats.Orders.Http;

// The pinned signing algorithms of a token scheme, and the checks a key-or-authority configuration must pass.
internal static class TokenAlgorithms
{
    private static readonly string[] Symmetric = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
    private static readonly string[] Asymmetric =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static IReadOnlyList<string> Accepted(IList<string> configured, bool symmetric) =>
        configured.Count > 0 ? [.. configured] : [symmetric ? SecurityAlgorithms.HmacSha256 : SecurityAlgorithms.RsaSha256];

    public static void CheckKeyOrAuthority(string section, string? signingKey, string? authority, IList<string> algorithms)
    {
        if (signingKey is not null && authority is not null)
        {
            throw new InvalidOperationException($"{section} sets both SigningKey and Authority; tokens come from one of them. Remove one.");
        }

        if (signingKey is not null && OrdersAuthOptions.KeyBytes(signingKey) < 32)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "{0}:SigningKey is {1} bytes long; HMAC-SHA256 needs at least 32. Set a longer random key (e.g. `openssl rand -base64 48`).",
                section, OrdersAuthOptions.KeyBytes(signingKey)));
        }

        if (authority is not null && !Uri.TryCreate(authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{section}:Authority is '{authority}'; set the identity provider's absolute URL, e.g. https://login.example.com/realms/ordereats.");
        }

        var allowed = signingKey is not null ? Symmetric : Asymmetric;
        foreach (var algorithm in algorithms)
        {
            if (!allowed.Contains(algorithm, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{section}:Algorithms contains '{algorithm}', which a {(signingKey is not null ? "signing key" : "authority")} cannot use; choose from {string.Join(", ", allowed)}.");
            }
        }
    }
}
