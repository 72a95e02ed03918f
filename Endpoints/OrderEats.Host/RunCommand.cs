using OrderEats.ServiceDefaults;

namespace OrderEats.Host;

/// <summary>The plain run: every service in this process, the HTTP API on a printed URL, until Ctrl+C.</summary>
internal static class RunCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> Run(CommandLine line, string[] args)
    {
        var url = line.Get("urls") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? DefaultUrl;
        var passThrough = args.Where(a => a != "run").ToArray();
        var app = Composition.Build(passThrough, line.InfrastructureOverrides(), withConsole: true);
        app.Urls.Clear();
        app.Urls.Add(url);
        await app.StartAsync();
        var infrastructure = app.Services.GetRequiredService<HostInfrastructure>().Options;
        System.Console.WriteLine($"OrderEats is running. HTTP API: {url}  (try {url}/restaurants, {url}/health); console: {url}/ (Development users operator/operator, reader/reader)");
        System.Console.WriteLine(infrastructure.Transport == TransportKind.Learning
            ? $"Transport: learning (files in {infrastructure.LearningFolder}); persistence: {infrastructure.Persistence} ({infrastructure.DataFolder}). Ctrl+C stops."
            : $"Transport: RabbitMQ; persistence: {infrastructure.Persistence}. Ctrl+C stops.");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
