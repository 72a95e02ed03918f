using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderEats.Security.Tests;

/// <summary>A console password hash in the documented form PBKDF2$SHA256$iterations$salt$hash (what <c>OrderEats.Console hash-password</c> prints).</summary>
public static class ConsolePasswordHash
{
    private const int Iterations = 600_000;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', "PBKDF2", "SHA256", Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }
}
