using System.CommandLine;

namespace OrderEats.Host;

/// <summary>The options that choose the infrastructure (run and demo); each one sets the configuration key it names.</summary>
internal static class InfrastructureSwitches
{
    public static readonly Option<string> Transport = Choice(
        "--transport", "The transport: learning (files under --data, the default) or rabbitmq (needs --rabbitmq or ORDEREATS_RABBITMQ).", "learning", "rabbitmq");

    public static readonly Option<string> RabbitMq = new("--rabbitmq")
    {
        Description = "The AMQP URI of the broker, e.g. amqp://guest:guest@localhost:5672/ (one per cluster node, separated by commas).",
        HelpName = "uri",
    };

    public static readonly Option<string> Persistence = Choice(
        "--persistence", "Where sagas, the outbox and business data live: sqlite (files under --data, the default), postgresql or sqlserver.", "sqlite", "postgresql", "sqlserver");

    public static readonly Option<string> Postgres = new("--postgres")
    {
        Description = "The PostgreSQL server connection string (with --persistence postgresql; each service uses its own database on it).",
        HelpName = "connection-string",
    };

    public static readonly Option<string> SqlServer = new("--sqlserver")
    {
        Description = "The SQL Server connection string (with --persistence sqlserver).",
        HelpName = "connection-string",
    };

    public static readonly Option<string> Data = new("--data")
    {
        Description = "The folder for the learning transport's queues and the SQLite files (default ORDEREATS_DATA, else ./.data; the demo uses a new temporary folder).",
        HelpName = "folder",
    };

    private static readonly (Option<string> Option, string Key)[] Keys =
    [
        (Transport, "OrderEats:Transport"),
        (RabbitMq, "OrderEats:RabbitMq"),
        (Persistence, "OrderEats:Persistence"),
        (Postgres, "OrderEats:Postgres"),
        (SqlServer, "OrderEats:SqlServer"),
        (Data, "OrderEats:DataFolder"),
    ];

    /// <summary>Adds every infrastructure option to <paramref name="command"/>.</summary>
    public static void AddTo(Command command)
    {
        foreach (var (option, _) in Keys)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The configuration overrides of the infrastructure options given on the command line.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Overrides(ParseResult result)
    {
        foreach (var (option, key) in Keys)
        {
            if (result.GetValue(option) is { } value)
            {
                yield return new(key, value);
            }
        }
    }

    private static Option<string> Choice(string name, string description, params string[] allowed)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', allowed) };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"{name} '{value}' is not one of: {string.Join(", ", allowed)}.");
            }
        });
        return option;
    }
}
