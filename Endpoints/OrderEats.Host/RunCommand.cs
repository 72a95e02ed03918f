using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Host;

/// <summary>The plain run: every service in this process, the HTTP API on a printed URL, until Ctrl+C.</summary>
internal static class RunCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> Run(CommandLine line, string[] args)
    {
        var url = line.Get("urls") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        var passThrough = args.Where(a => a != "run").ToArray();
        // The URL goes through configuration, so the services see where the process listens before they decide on Development credentials.
        var app = Composition.Build(passThrough, line.InfrastructureOverrides().Append(new("urls", url)), withConsole: true);
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
