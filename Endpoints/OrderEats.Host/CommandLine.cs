using System.Globalization;

namespace OrderEats.Host;

/// <summary>The host's command line: a command word, then --name value options (and --flag switches).</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.OrdinalIgnoreCase);

    private CommandLine(string command) => Command = command;

    public string Command { get; }

    public static CommandLine Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "run";
        var line = new CommandLine(command);
        for (var i = command == "run" && (args.Length == 0 || args[0].StartsWith('-')) ? 0 : 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'. Options look like --orders 500.");
            }

            var name = args[i][2..];
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            line.options[name] = hasValue ? args[++i] : null;
        }

        return line;
    }

    public string? Get(string name) => options.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => options.ContainsKey(name);

    public int GetInt(string name, int fallback)
    {
        var value = Get(name);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"--{name} must be a positive whole number, not '{value}'.");
    }

    /// <summary>Configuration overrides for the infrastructure options (--transport, --rabbitmq, --persistence, --postgres, --sqlserver, --data).</summary>
    public IEnumerable<KeyValuePair<string, string?>> InfrastructureOverrides()
    {
        foreach (var (option, key) in new[]
        {
            ("transport", "OrderEats:Transport"),
            ("rabbitmq", "OrderEats:RabbitMq"),
            ("persistence", "OrderEats:Persistence"),
            ("postgres", "OrderEats:Postgres"),
            ("sqlserver", "OrderEats:SqlServer"),
            ("data", "OrderEats:DataFolder"),
        })
        {
            if (Get(option) is { } value)
            {
                yield return new(key, value);
            }
        }
    }
}
