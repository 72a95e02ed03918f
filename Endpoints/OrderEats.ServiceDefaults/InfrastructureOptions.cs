using Microsoft.Extensions.Configuration;
using OrderEats.Engine.Sql;

namespace OrderEats.ServiceDefaults;

/// <summary>
/// Where an OrderEats process finds its broker and database. Read from configuration (section "OrderEats") and the environment:
/// ORDEREATS_RABBITMQ (AMQP URI) selects RabbitMQ, ORDEREATS_POSTGRES or ORDEREATS_SQLSERVER (a server connection string) select the store;
/// without them everything runs embedded: the learning transport and SQLite files under ORDEREATS_DATA (default ./.data).
/// </summary>
public sealed record InfrastructureOptions
{
    /// <summary>The transport.</summary>
    public TransportKind Transport { get; init; } = TransportKind.Learning;

    /// <summary>The AMQP URI when <see cref="Transport"/> is RabbitMQ.</summary>
    public string? RabbitMqUri { get; init; }

    /// <summary>With an <c>amqps://</c> URI, the PEM file of the CA that signed the broker's certificate (<c>OrderEats:RabbitMqCaFile</c> or <c>ORDEREATS_RABBITMQ_CA</c>).</summary>
    public string? RabbitMqCaFile { get; init; }

    /// <summary>
    /// The RabbitMQ delivery limit of the quorum queues the endpoints declare (<c>OrderEats:RabbitMqDeliveryLimit</c>: a number, or <c>none</c>
    /// for queues declared without limit and dead-lettering while they are migrated); null keeps the transport's default (50).
    /// </summary>
    public string? RabbitMqDeliveryLimit { get; init; }

    /// <summary>Messages each endpoint processes at once (<c>OrderEats:MaxConcurrency</c> or <c>ORDEREATS_CONCURRENCY</c>); null keeps the engine default.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The database engine.</summary>
    public SqlDialectKind Persistence { get; init; } = SqlDialectKind.Sqlite;

    /// <summary>The server connection string for PostgreSQL or SQL Server; each service gets its own database on it.</summary>
    public string? ServerConnectionString { get; init; }

    /// <summary>The folder for the learning transport and SQLite files.</summary>
    public string DataFolder { get; init; } = Path.GetFullPath(".data");

    /// <summary>How long endpoints wait for in-flight messages when the process stops (OrderEats:ShutdownTimeout, default 30 s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = ShutdownTimeoutSetting.Default;

    /// <summary>The console's queue endpoints send heartbeats and metrics to (OrderEats:Console:Queue or ORDEREATS_CONSOLE_QUEUE); null: no reporting.</summary>
    public string? ConsoleQueue { get; init; }

    /// <summary>The console's saga audit queue (OrderEats:Console:AuditQueue, default "&lt;ConsoleQueue&gt;.audit"); null when the audit is off (OrderEats:Console:Audit=false).</summary>
    public string? ConsoleAuditQueue { get; init; }

    /// <summary>The learning transport's folder.</summary>
    public string LearningFolder => Path.Combine(DataFolder, "transport");

    /// <summary>Reads the options from configuration and the ORDEREATS_* environment variables (configuration keys win).</summary>
    public static InfrastructureOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("OrderEats");
        var rabbit = section["RabbitMq"] ?? configuration["ORDEREATS_RABBITMQ"];
        var postgres = section["Postgres"] ?? configuration["ORDEREATS_POSTGRES"];
        var sqlServer = section["SqlServer"] ?? configuration["ORDEREATS_SQLSERVER"];
        var data = section["DataFolder"] ?? configuration["ORDEREATS_DATA"] ?? ".data";
        var transport = Parse(section["Transport"], rabbit is null ? TransportKind.Learning : TransportKind.RabbitMq, "OrderEats:Transport", "learning, rabbitmq");
        var persistence = Parse(
            section["Persistence"],
            postgres is not null ? SqlDialectKind.PostgreSql : sqlServer is not null ? SqlDialectKind.SqlServer : SqlDialectKind.Sqlite,
            "OrderEats:Persistence",
            "sqlite, postgresql, sqlserver");
        return new InfrastructureOptions
        {
            Transport = transport,
            RabbitMqUri = rabbit,
            RabbitMqCaFile = section["RabbitMqCaFile"] ?? configuration["ORDEREATS_RABBITMQ_CA"],
            Persistence = persistence,
            ServerConnectionString = persistence switch
            {
                SqlDialectKind.PostgreSql => postgres,
                SqlDialectKind.SqlServer => sqlServer,
                _ => null,
            },
            DataFolder = Path.GetFullPath(data),
            ShutdownTimeout = ShutdownTimeoutSetting.Read(configuration),
            ConsoleQueue = ConsoleReporting.Queue(configuration),
            ConsoleAuditQueue = ConsoleReporting.AuditQueue(configuration),
            RabbitMqDeliveryLimit = section["RabbitMqDeliveryLimit"],
            MaxConcurrency = int.TryParse(section["MaxConcurrency"] ?? configuration["ORDEREATS_CONCURRENCY"], out var concurrency) && concurrency > 0 ? concurrency : null,
        }.Validate();
    }

    /// <summary>Fails with the setting to fix when a choice lacks its connection string.</summary>
    public InfrastructureOptions Validate()
    {
        if (Transport == TransportKind.RabbitMq && string.IsNullOrWhiteSpace(RabbitMqUri))
        {
            throw new InvalidOperationException("Transport is RabbitMQ but no AMQP URI is set. Set ORDEREATS_RABBITMQ (e.g. amqp://guest:guest@localhost:5672/) or OrderEats:RabbitMq.");
        }

        if (RabbitMqDeliveryLimit is { } limit && limit != "none" && !(int.TryParse(limit, out var number) && number > 10))
        {
            throw new InvalidOperationException(
                $"OrderEats:RabbitMqDeliveryLimit is '{limit}'; use a number above 10 (the transport requeues a delivery up to 10 times before it re-sends it), or 'none'.");
        }

        if (Persistence != SqlDialectKind.Sqlite && string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            throw new InvalidOperationException(
                $"Persistence is {Persistence} but no server connection string is set. Set {(Persistence == SqlDialectKind.PostgreSql ? "ORDEREATS_POSTGRES" : "ORDEREATS_SQLSERVER")}.");
        }

        return this;
    }

    private static T Parse<T>(string? value, T fallback, string key, string allowed)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var normalized = value.Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse<T>(normalized, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidOperationException($"{key} is '{value}'; use one of: {allowed}.");
    }
}
