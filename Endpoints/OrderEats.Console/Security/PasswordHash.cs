using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderEats.Console.Security;

/// <summary>PBKDF2-HMAC-SHA256 password hashes in the form PBKDF2$SHA256$iterations$salt$hash (base64).</summary>
internal static class PasswordHash
{
    /// <summary>OWASP's current figure for PBKDF2-HMAC-SHA256. Hashes with fewer iterations are re-hashed at the user's next login.</summary>
    public const int Iterations = 600_000;

    public static string Create(string password) => Create(password, Iterations);

    public static string Create(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', "PBKDF2", "SHA256", iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool IsWellFormed(string stored) => TryParse(stored, out _, out _, out _);

    /// <summary>The iteration count of a stored hash; 0 when it is not well formed.</summary>
    public static int IterationsOf(string stored) => TryParse(stored, out var iterations, out _, out _) ? iterations : 0;

    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>A short, non-reversible fingerprint of a stored hash: sessions remember it, so changing a user's password ends their sessions.</summary>
    public static string Fingerprint(string stored) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)).AsSpan(0, 12));

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 5 || parts[0] != "PBKDF2" || parts[1] != "SHA256" ||
            !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[3]);
            hash = Convert.FromBase64String(parts[4]);
            return hash.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
