using System.Globalization;

namespace OrderEats.TestInfrastructure;

/// <summary>The PEM files a private broker's TLS listener uses: the CA, its certificate and its private key (clients' certificates are not requested).</summary>
public sealed record RabbitMqTls(string CaFile, string CertificateFile, string KeyFile)
{
    internal string Configuration(int port) => string.Create(CultureInfo.InvariantCulture, $"""
        listeners.ssl.default = 127.0.0.1:{port}
        ssl_options.cacertfile = {CaFile}
        ssl_options.certfile = {CertificateFile}
        ssl_options.keyfile = {KeyFile}
        ssl_options.verify = verify_none
        ssl_options.fail_if_no_peer_cert = false

        """);
}
