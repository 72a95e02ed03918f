using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderEats.Security.Tests.Tls;

/// <summary>
/// A throw-away CA and a server certificate it signed for "localhost" only (no IP address), written as PEM files into a folder the database
/// server's OS user can read; plus a second, unrelated CA that must not be trusted.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private TestCertificates(string folder) => Folder = folder;

    public string Folder { get; }

    public string CaFile => Path.Combine(Folder, "ca.crt");

    public string OtherCaFile => Path.Combine(Folder, "other-ca.crt");

    public string CertificateFile => Path.Combine(Folder, "server.crt");

    public string KeyFile => Path.Combine(Folder, "server.key");

    public static async Task<TestCertificates> Create()
    {
        var folder = Path.Combine("/tmp", "oe-tls-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The TLS tests start RabbitMQ and PostgreSQL from Linux binaries.");
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var certificates = new TestCertificates(folder);
        var now = Clock.GetUtcNow();
        using var ca = Authority("OrderEats Test CA", now);
        using var other = Authority("Someone Else's CA", now);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var server = request.Create(ca, now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));

        await File.WriteAllTextAsync(certificates.CaFile, ca.ExportCertificatePem());
        await File.WriteAllTextAsync(certificates.OtherCaFile, other.ExportCertificatePem());
        await File.WriteAllTextAsync(certificates.CertificateFile, server.ExportCertificatePem());
        await File.WriteAllTextAsync(certificates.KeyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(certificates.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return certificates;
    }

    /// <summary>Hands the key to the OS user PostgreSQL runs as (it refuses a key others can read, or one it does not own).</summary>
    public async Task GiveKeyTo(string osUser)
    {
        if (Environment.UserName != "root")
        {
            return;
        }

        using var chown = System.Diagnostics.Process.Start("chown", [$"{osUser}:", KeyFile, CertificateFile])!;
        await chown.WaitForExitAsync();
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static X509Certificate2 Authority(string name, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }
}
