namespace OrderEats.TestInfrastructure;

/// <summary>How a private PostgreSQL server runs (see <see cref="PostgresServer.StartPrivate"/>).</summary>
public sealed record PostgresServerOptions
{
    /// <summary>fsync, synchronous_commit and full_page_writes on, as in production (default off: the test suites' fast settings).</summary>
    public bool Durable { get; init; }

    /// <summary>A synchronous streaming standby beside the primary (implies <see cref="Durable"/>), so the server can fail over.</summary>
    public bool SynchronousStandby { get; init; }

    /// <summary>Extra <c>postgres -c</c> settings (e.g. <c>-c ssl=on -c ssl_cert_file=…</c>) for tests that change server settings.</summary>
    public string ServerOptions { get; init; } = string.Empty;
}
