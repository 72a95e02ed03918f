using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace OrderEats.Engine.RabbitMQ;

// amqps:// with a private CA: the broker's certificate must chain to that CA (and only it) and name the host of the URI.
internal static class TlsTrust
{
    public static RemoteCertificateValidationCallback For(string certificateAuthorityFile)
    {
        if (!File.Exists(certificateAuthorityFile))
        {
            throw new FileNotFoundException(
                $"The RabbitMQ CA certificate '{certificateAuthorityFile}' does not exist. Point RabbitMqOptions.CertificateAuthorityFile (ORDEREATS_RABBITMQ_CA) at the PEM file of the CA that signed the broker's certificate.",
                certificateAuthorityFile);
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(certificateAuthorityFile);
        if (authorities.Count == 0)
        {
            throw new InvalidOperationException($"'{certificateAuthorityFile}' holds no PEM certificate; give the CA certificate (-----BEGIN CERTIFICATE-----).");
        }

        return (_, certificate, _, errors) =>
        {
            if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var presented = new X509Certificate2(certificate);
            return chain.Build(presented);
        };
    }
}
