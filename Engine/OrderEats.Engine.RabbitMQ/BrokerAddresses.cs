using RabbitMQ.Client;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>
/// The nodes of a broker, from one AMQP URI or a comma-separated list of them (one per cluster node). Every URI must carry the same scheme,
/// credentials and virtual host: they name one broker, and the client connects to whichever node answers first (in random order).
/// </summary>
internal sealed class BrokerAddresses
{
    private BrokerAddresses(Uri first, IReadOnlyList<AmqpTcpEndpoint> endpoints)
    {
        First = first;
        Endpoints = endpoints;
    }

    /// <summary>The first URI: its credentials, virtual host and TLS setting apply to every node.</summary>
    public Uri First { get; }

    /// <summary>One endpoint per node.</summary>
    public IReadOnlyList<AmqpTcpEndpoint> Endpoints { get; }

    /// <summary>Parses <c>amqp://user:pass@host:5672/vhost</c>, or several such URIs separated by commas.</summary>
    public static BrokerAddresses Parse(string amqpUris)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amqpUris);
        var uris = amqpUris.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseOne).ToList();
        if (uris.Count == 0)
        {
            throw new ArgumentException($"'{amqpUris}' names no broker. Use amqp://user:password@host:5672/vhost, or one such URI per cluster node separated by commas.", nameof(amqpUris));
        }

        var first = uris[0];
        foreach (var other in uris.Skip(1))
        {
            if (other.Scheme != first.Scheme || other.UserInfo != first.UserInfo || other.AbsolutePath != first.AbsolutePath)
            {
                throw new ArgumentException(
                    $"The AMQP URIs name different brokers: {Display(other)} differs from {Display(first)} in scheme, user or virtual host. " +
                    "List the nodes of one cluster, each with the same scheme, credentials and virtual host.",
                    nameof(amqpUris));
            }
        }

        // Each node's endpoint carries its own TLS setting (the client connects through the list, not the factory's URI): amqps turns it on,
        // with the node's host as the name its certificate must carry.
        return new BrokerAddresses(first, [.. uris.Select(uri => new AmqpTcpEndpoint(uri, new SslOption(uri.Host, enabled: uri.Scheme == "amqps")))]);
    }

    /// <summary>host:port of every node, for logs (never the credentials).</summary>
    public override string ToString() => string.Join(", ", Endpoints.Select(e => $"{e.HostName}:{e.Port}"));

    private static Uri ParseOne(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "amqp" || uri.Scheme == "amqps")
            ? uri
            : throw new ArgumentException(
                $"'{Display(text)}' is not an AMQP URI. Use amqp://user:password@host:5672/vhost (or amqps://), or one such URI per cluster node separated by commas.",
                nameof(text));

    private static string Display(Uri uri) => $"{uri.Scheme}://{uri.Host}:{(uri.Port < 0 ? AmqpTcpEndpoint.UseDefaultPort : uri.Port)}{uri.AbsolutePath}";

    private static string Display(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? text.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal) : text;
}
