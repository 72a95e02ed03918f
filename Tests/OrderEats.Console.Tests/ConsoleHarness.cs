using OrderEats.Engine.ConsoleReporting;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderEats.Console.Model;
using OrderEats.Console.Security;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Transport;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Tests;

/// <summary>
/// The console on a TestServer with its own folder (learning transport + SQLite), users operator/reader, and helpers to put failures into
/// the error queue (raw, as the engine writes them) or run a real endpoint in-process on the same transport folder.
/// </summary>
public sealed class ConsoleHarness : IAsyncDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public const string OperatorPassword = "operator-pw";
    public const string ReaderPassword = "reader-pw";

    /// <summary>The PBKDF2 iterations of the harness's users and password policy.</summary>
    public const int TestIterations = 1000;
    private readonly List<EndpointInstance> endpoints = [];
    private readonly List<IAsyncDisposable> disposables = [];
    private WebApplication app = null!;
    private Dictionary<string, string?> settings = [];
    private int iterations;
    private bool kestrel;
    private int? port;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieHandler> cookies = [];

    private ConsoleHarness(string? postgresServer)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ordereats-console-" + Guid.NewGuid().ToString("N"));
        Infrastructure = postgresServer is null
            ? new InfrastructureOptions { DataFolder = Folder }
            : new InfrastructureOptions { DataFolder = Folder, Persistence = Engine.Sql.SqlDialectKind.PostgreSql, ServerConnectionString = postgresServer };
    }

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public string Folder { get; }

    public InfrastructureOptions Infrastructure { get; }

    public Probe Probe { get; } = new();

    public ConsoleChanges Changes => app.Services.GetRequiredService<ConsoleChanges>();

    public IServiceProvider Services => app.Services;

    /// <summary>Starts the console on SQLite, or on PostgreSQL when <paramref name="postgresServer"/> is given (then set Console:Database to a unique name).</summary>
    /// <param name="kestrel">Serve on a real port of 127.0.0.1 (for a browser, or real client addresses) instead of the in-memory test server.</param>
    public static async Task<ConsoleHarness> Start(
        IDictionary<string, string?>? settings = null, string? postgresServer = null, int iterations = TestIterations, bool kestrel = false)
    {
        var harness = new ConsoleHarness(postgresServer) { kestrel = kestrel };
        var configuration = new Dictionary<string, string?>
        {
            ["Console:Users:0:Name"] = "operator",
            ["Console:Users:0:PasswordHash"] = PasswordHash.Create(OperatorPassword, TestIterations),
            ["Console:Users:0:Role"] = "Operator",
            ["Console:Users:1:Name"] = "reader",
            ["Console:Users:1:PasswordHash"] = PasswordHash.Create(ReaderPassword, TestIterations),
            ["Console:Users:1:Role"] = "Reader",
            ["Console:RetryMessagesPerSecond"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        harness.settings = configuration;
        harness.iterations = iterations;
        await harness.Run();
        return harness;
    }

    /// <summary>Stops the console and starts a new one on the same data (database and queues), as a process restart would.</summary>
    public async Task Restart()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Run();
    }

    /// <summary>Changes configuration values and reloads the configuration, as an edited appsettings file would.</summary>
    public void Reconfigure(IDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            app.Configuration[key] = value;
        }

        ((IConfigurationRoot)app.Configuration).Reload();
    }

    private async Task Run()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:" + (port ?? 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.Configuration.AddInMemoryCollection(settings);
        // Hashes at 600,000 iterations take half a second each on a busy machine; the suite hashes with fewer (the policy's own tests use the real count).
        builder.Services.AddSingleton(new PasswordPolicy(iterations));
        ConsoleService.AddConsoleService(builder.Services, builder.Configuration, Infrastructure);
        app = builder.Build();
        ConsoleService.MapConsole(app);
        await app.StartAsync();
        port ??= kestrel ? new Uri(app.Urls.Single()).Port : null;
    }

    /// <summary>The console's address (http://127.0.0.1:port with <c>kestrel</c>, else the test server's).</summary>
    public Uri BaseAddress => kestrel ? new Uri(app.Urls.Single()) : app.GetTestServer().BaseAddress;

    /// <summary>A client that keeps cookies (session, antiforgery) like a browser, and does not follow redirects.</summary>
    public HttpClient Anonymous()
    {
        var handler = new CookieHandler(kestrel ? new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } : app.GetTestServer().CreateHandler());
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        cookies.Add(client, handler);
        return client;
    }

    /// <summary>The cookies a client of <see cref="Anonymous"/> holds.</summary>
    public System.Net.CookieContainer CookiesOf(HttpClient client) => cookies.TryGetValue(client, out var handler) ? handler.Cookies : throw new ArgumentException("Not a client of this harness.", nameof(client));

    public async Task<HttpClient> Login(string name, string? password = null)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/login", new { name, password = password ?? (name == "operator" ? OperatorPassword : ReaderPassword) });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public ITransport RawTransport()
    {
        var configuration = new EndpointConfiguration("raw");
        configuration.UseLearningTransport(Infrastructure.LearningFolder);
        // Its own services: a raw transport outlives a console restart.
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        disposables.Add(services);
        var transport = configuration.TransportFactory!(services);
        disposables.Add(transport);
        return transport;
    }

    /// <summary>Puts a failed message into the error queue with the headers the engine writes, and waits until the console stored it.</summary>
    public async Task<ConsoleChange> InjectFailure(
        string messageId, string endpoint = "cons-sales", string type = "Shop.PlaceOrder", string exceptionMessage = "boom", DateTimeOffset? at = null,
        string body = "{\"orderId\":42}", Exception? exception = null)
    {
        var raw = RawTransport();
        await raw.Setup(new TransportSetup(endpoint, "error", []));
        var original = new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.EnclosedMessageTypes] = type + ";Shop.ICommand",
            [Headers.ConversationId] = "conversation-" + messageId,
        };
        var headers = FailureHeaders.Add(original, exception ?? Failures.Thrown(exceptionMessage), endpoint, endpoint, "host-1", at ?? Clock.GetUtcNow());
        var stored = Changes.WaitFor(c => c.Kind == "Ingested" && c.MessageId == messageId);
        await raw.Dispatch([TransportOperation.Send(new OutgoingMessage(messageId, headers, System.Text.Encoding.UTF8.GetBytes(body)), "error")]);
        return await stored.WaitAsync(Timeout);
    }

    /// <summary>A real endpoint on the same transport folder: no retries of its own, so a failure goes straight to the error queue.</summary>
    public async Task<EndpointInstance> StartEndpoint(string name)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = 1 };
        configuration.UseLearningTransport(Infrastructure.LearningFolder);
        configuration.UseInMemoryPersistence();
        configuration.Recoverability.ImmediateRetries = 0;
        configuration.Recoverability.DelayedRetries = 0;
        configuration.AddHandler<WorkHandler>();
        configuration.UseConsoleReporting(); // answers the console's retries
        var services = new ServiceCollection().AddLogging().AddSingleton(Probe).BuildServiceProvider();
        disposables.Add(services);
        var endpoint = await EndpointInstance.Start(configuration, services);
        endpoints.Add(endpoint);
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in endpoints)
        {
            await endpoint.Stop();
        }

        await app.StopAsync();
        await app.DisposeAsync();
        disposables.Reverse();
        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
