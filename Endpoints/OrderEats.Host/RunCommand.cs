using System.CommandLine;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Host;

/// <summary>
/// The plain run (no command, or `run`): every service in this process, the HTTP API on a printed URL, until Ctrl+C. Besides its own options
/// it passes ASP.NET Core configuration switches on (--environment Production, --Section:Key=value, --Section:Key value).
/// </summary>
internal static class RunCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    private static readonly Option<string> Urls = new("--urls")
    {
        Description = $"Where the HTTP API and the console listen (default ASPNETCORE_URLS, else {DefaultUrl}).",
        HelpName = "url",
    };

    // Host settings ASP.NET Core reads from the command line under their own names; any other configuration key has a section (a colon).
    private static readonly string[] HostKeys = ["environment", "contentRoot", "applicationName"];

    /// <summary>Gives <paramref name="command"/> the run's options and action.</summary>
    public static void Configure(Command command)
    {
        command.Options.Add(Urls);
        InfrastructureSwitches.AddTo(command);
        // Configuration switches are not options of ours: they go to ASP.NET Core's configuration, checked by ConfigurationSwitches.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => Run(result));
    }

    /// <summary>
    /// The tokens no option took, for ASP.NET Core's configuration: --Key=value, /Key=value and Key=value, and --Section:Key value or
    /// --environment value. Anything else is a mistyped option or command and fails here rather than silently becoming a setting.
    /// </summary>
    /// <exception cref="ArgumentException">A token is neither an option of the command nor a configuration switch.</exception>
    public static string[] ConfigurationSwitches(ParseResult result)
    {
        var tokens = result.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Contains('=', StringComparison.Ordinal) && !token.StartsWith('='))
            {
                continue;
            }

            var key = token.TrimStart('-', '/');
            var isSwitch = token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/');
            if (isSwitch && key.Length > 0 && (key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase)) &&
                i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal) && !tokens[i + 1].StartsWith('/'))
            {
                i++;
                continue;
            }

            throw new ArgumentException(
                $"Unrecognized command or argument '{token}'. Commands: run (the default), demo, schema, asyncapi; run's options are listed by --help. " +
                "A configuration setting is passed as --Section:Key=value (e.g. --OrderEats:MaxConcurrency=4) or --environment Production.");
        }

        return [.. tokens];
    }

    private static async Task<int> Run(ParseResult result)
    {
        var switches = ConfigurationSwitches(result);
        var url = result.GetValue(Urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        // The URL goes through configuration, so the services see where the process listens before they decide on Development credentials.
        var app = Composition.Build(switches, InfrastructureSwitches.Overrides(result).Append(new("urls", url)), withConsole: true);
        await app.StartAsync();
        var infrastructure = app.Services.GetRequiredService<HostInfrastructure>().Options;
        var access = DevelopmentAccess.From(app.Configuration);
        System.Console.WriteLine(access.IsEnabled
            ? $"OrderEats is running. HTTP API: {url}  (try {url}/restaurants, {url}/health/ready); console: {url}/ (Development users operator/operator, reader/reader)"
            : $"OrderEats is running. HTTP API: {url}  ({url}/health/ready); console: {url}/ (users from Console:Users; Development credentials are off: {access.Reason})");
        System.Console.WriteLine(infrastructure.Transport == TransportKind.Learning
            ? $"Transport: learning (files in {infrastructure.LearningFolder}); persistence: {infrastructure.Persistence} ({infrastructure.DataFolder}). Ctrl+C stops."
            : $"Transport: RabbitMQ; persistence: {infrastructure.Persistence}. Ctrl+C stops.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
