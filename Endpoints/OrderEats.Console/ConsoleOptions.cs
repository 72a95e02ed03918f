using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrderEats.Console.Security;
using OrderEats.Messages;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Console;

/// <summary>The console's settings, from configuration section "Console".</summary>
public sealed record ConsoleOptions
{
    /// <summary>The console's own queue, where endpoints report successful retries (Console:Queue, default "console").</summary>
    public string Queue { get; init; } = EndpointNames.Console;

    /// <summary>The error queue the console ingests (Console:ErrorQueue, default "error").</summary>
    public string ErrorQueue { get; init; } = "error";

    /// <summary>The service name of the console's own database: SQLite file or server database ordereats_&lt;name&gt; (Console:Database, default "console").</summary>
    public string Database { get; init; } = EndpointNames.Console;

    /// <summary>Whether operators may edit a message body and retry it as a new message (Console:AllowEditAndRetry, default false).</summary>
    public bool AllowEditAndRetry { get; init; }

    /// <summary>A URL POSTed a JSON payload when a new failure group appears (Console:AlertWebhook, optional).</summary>
    public Uri? AlertWebhook { get; init; }

    /// <summary>How long one webhook call may take (Console:AlertTimeoutSeconds, default 5).</summary>
    public TimeSpan AlertTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most retried messages sent per second (Console:RetryMessagesPerSecond, default 50).</summary>
    public double RetryMessagesPerSecond { get; init; } = 50;

    /// <summary>Retried messages sent in one dispatch (Console:RetryBatchSize, default 10).</summary>
    public int RetryBatchSize { get; init; } = 10;

    /// <summary>The users (Console:Users). Empty with Development access means the dev defaults operator/operator and reader/reader.</summary>
    public IReadOnlyList<ConsoleUser> Users { get; init; } = [];

    /// <summary>Whether the console runs with Development access (the Development environment on loopback, see <see cref="DevelopmentAccess"/>).</summary>
    public bool Development { get; init; }

    /// <summary>Reads and validates Console:Users (empty when none are configured); throws naming the entry that is wrong.</summary>
    public static List<ConsoleUser> ReadUsers(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection("Console:Users").GetChildren().Select(ReadUser).ToList();
    }

    /// <summary>
    /// Reads and validates the "Console" section. With <paramref name="development"/> (Development access: the Development environment on loopback,
    /// see <see cref="DevelopmentAccess"/>) and no users configured, the dev users operator/operator and reader/reader exist; without it, missing
    /// users or a user whose password is one of those refuse to start.
    /// </summary>
    public static ConsoleOptions FromConfiguration(IConfiguration configuration, bool development)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Console");
        var users = ReadUsers(configuration);
        if (users.Count == 0)
        {
            users = development
                ? [new ConsoleUser("operator", PasswordHash.Create(DevelopmentSecrets.ConsolePasswords[0]), ConsoleRole.Operator), new ConsoleUser("reader", PasswordHash.Create(DevelopmentSecrets.ConsolePasswords[1]), ConsoleRole.Reader)]
                : throw new UnsafeConfigurationException(
                    "The console has no users. Add Console:Users:0:Name, Console:Users:0:PasswordHash (from `OrderEats.Console hash-password`, which reads the password from standard input) and " +
                    "Console:Users:0:Role (Reader or Operator); the Development users operator/operator and reader/reader exist only in the Development environment on a loopback address.");
        }
        else if (!development && users.FirstOrDefault(u => DevelopmentSecrets.ConsolePasswords.Any(p => PasswordHash.Verify(p, u.PasswordHash))) is { } weak)
        {
            throw new UnsafeConfigurationException(
                $"Console user '{weak.Name}' has a password committed to the repository for Development (operator or reader). Hash a password of your own " +
                "with `OrderEats.Console hash-password` (it reads the password from standard input) and set it as its Console:Users:N:PasswordHash; outside Development on loopback these passwords are refused.");
        }

        var webhook = section["AlertWebhook"];
        return new ConsoleOptions
        {
            Queue = NonEmpty(section["Queue"], EndpointNames.Console),
            ErrorQueue = NonEmpty(section["ErrorQueue"], "error"),
            Database = NonEmpty(section["Database"], EndpointNames.Console),
            AllowEditAndRetry = Bool(section["AllowEditAndRetry"], "Console:AllowEditAndRetry"),
            AlertWebhook = string.IsNullOrWhiteSpace(webhook) ? null
                : Uri.TryCreate(webhook, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri
                : throw new InvalidOperationException($"Console:AlertWebhook is '{webhook}'; set an absolute http(s) URL or remove the key."),
            AlertTimeout = TimeSpan.FromSeconds(Number(section["AlertTimeoutSeconds"], 5, "Console:AlertTimeoutSeconds")),
            RetryMessagesPerSecond = Number(section["RetryMessagesPerSecond"], 50, "Console:RetryMessagesPerSecond"),
            RetryBatchSize = (int)Number(section["RetryBatchSize"], 10, "Console:RetryBatchSize"),
            Users = users,
            Development = development,
        };
    }

    private static ConsoleUser ReadUser(IConfigurationSection user)
    {
        var key = "Console:Users:" + user.Key;
        var name = user["Name"];
        var hash = user["PasswordHash"];
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(hash) || !PasswordHash.IsWellFormed(hash))
        {
            throw new InvalidOperationException($"{key} needs Name and a PasswordHash made by `OrderEats.Console hash-password` (password on standard input) (got name '{name}').");
        }

        return Enum.TryParse<ConsoleRole>(user["Role"], ignoreCase: true, out var role) && Enum.IsDefined(role)
            ? new ConsoleUser(name, hash, role)
            : throw new InvalidOperationException($"{key}:Role is '{user["Role"]}'; use Reader or Operator.");
    }

    private static string NonEmpty(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    private static bool Bool(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? false
        : bool.TryParse(value, out var parsed) ? parsed
        : throw new InvalidOperationException($"{key} is '{value}'; use true or false.");

    private static double Number(string? value, double fallback, string key) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : throw new InvalidOperationException($"{key} is '{value}'; use a number greater than 0.");
}
