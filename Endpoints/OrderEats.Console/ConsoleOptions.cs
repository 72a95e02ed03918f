using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrderEats.Console.Security;

namespace OrderEats.Console;

/// <summary>The console's settings, from configuration section "Console".</summary>
public sealed record ConsoleOptions
{
    /// <summary>The console's own queue, where endpoints report successful retries (Console:Queue, default "console").</summary>
    public string Queue { get; init; } = "console";

    /// <summary>The error queue the console ingests (Console:ErrorQueue, default "error").</summary>
    public string ErrorQueue { get; init; } = "error";

    /// <summary>The service name of the console's own database: SQLite file or server database ordereats_&lt;name&gt; (Console:Database, default "console").</summary>
    public string Database { get; init; } = "console";

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

    /// <summary>The users (Console:Users). Empty in Development means the dev defaults operator/operator and reader/reader.</summary>
    public IReadOnlyList<ConsoleUser> Users { get; init; } = [];

    /// <summary>Whether the console runs in the Development environment.</summary>
    public bool Development { get; init; }

    /// <summary>Reads and validates Console:Users (empty when none are configured); throws naming the entry that is wrong.</summary>
    public static List<ConsoleUser> ReadUsers(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection("Console:Users").GetChildren().Select(ReadUser).ToList();
    }

    /// <summary>Reads and validates the "Console" section; <paramref name="development"/> enables the dev default users when none are configured.</summary>
    public static ConsoleOptions FromConfiguration(IConfiguration configuration, bool development)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Console");
        var users = ReadUsers(configuration);
        if (users.Count == 0)
        {
            users = development
                ? [new ConsoleUser("operator", PasswordHash.Create("operator"), ConsoleRole.Operator), new ConsoleUser("reader", PasswordHash.Create("reader"), ConsoleRole.Reader)]
                : throw new InvalidOperationException(
                    "The console has no users. Add Console:Users:0:Name, Console:Users:0:PasswordHash (from `OrderEats.Console hash-password`, which reads the password from standard input) and Console:Users:0:Role (Reader or Operator), or run in the Development environment for the default users operator/operator and reader/reader.");
        }

        var webhook = section["AlertWebhook"];
        return new ConsoleOptions
        {
            Queue = NonEmpty(section["Queue"], "console"),
            ErrorQueue = NonEmpty(section["ErrorQueue"], "error"),
            Database = NonEmpty(section["Database"], "console"),
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
