using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Sql;
using OrderEats.Engine.Transport;
using OrderEats.ServiceDefaults;

namespace OrderEats.Services.Tests.Harness;

/// <summary>
/// One service as its Program runs it (a WebApplication, here on a TestServer) on a private learning-transport folder and SQLite files, beside a
/// fake "orders" endpoint that sends the commands and records the answers in <see cref="Inbox"/>, and a watcher on the error queue.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    public const string OrdersQueue = "orders";

    private readonly List<IAsyncDisposable> disposables = [];
    private readonly Channel<IncomingMessage> errors = Channel.CreateUnbounded<IncomingMessage>();
    private ServiceProvider? ordersServices;

    private ServiceHarness(string? postgres)
    {
        Folder = Path.Combine(Path.GetTempPath(), "ordereats-services-" + Guid.NewGuid().ToString("N"));
        Infrastructure = postgres is null
            ? new InfrastructureOptions { DataFolder = Folder }
            : new InfrastructureOptions { DataFolder = Folder, Persistence = SqlDialectKind.PostgreSql, ServerConnectionString = postgres };
    }

    public string Folder { get; }

    public InfrastructureOptions Infrastructure { get; }

    public Inbox Inbox { get; } = new();

    /// <summary>The fake "orders" endpoint: send commands and publish events from here; replies come back to it.</summary>
    public EndpointInstance Orders { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    /// <summary>Messages moved to the error queue so far.</summary>
    public IReadOnlyList<IncomingMessage> FailedMessages
    {
        get
        {
            var failed = new List<IncomingMessage>();
            while (errors.Reader.TryRead(out var message))
            {
                failed.Add(message);
            }

            return failed;
        }
    }

    /// <summary>Waits for the next message moved to the error queue.</summary>
    public async Task<IncomingMessage> NextFailure() => await errors.Reader.ReadAsync().AsTask().WaitAsync(Inbox.Timeout);

    public static async Task<ServiceHarness> Start(
        TestPersistence persistence,
        Action<IServiceCollection, IConfiguration, InfrastructureOptions, Action<EndpointConfiguration>> addService,
        IReadOnlyDictionary<string, string?> settings,
        Action<EndpointConfiguration>? customize = null,
        Action<WebApplication>? map = null)
    {
        var postgres = persistence == TestPersistence.PostgreSql ? (await Postgres.Server()).ConnectionString("postgres") : null;
        var harness = new ServiceHarness(postgres);
        try
        {
            await harness.StartOrders();
            await harness.WatchErrors();
            await harness.StartService(addService, settings, customize, map);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public HttpClient Client() => App.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Orders is not null)
        {
            await Orders.Stop();
        }

        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }

        if (ordersServices is not null)
        {
            await ordersServices.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private async Task StartOrders()
    {
        ordersServices = new ServiceCollection().AddLogging().AddSingleton(Inbox).BuildServiceProvider();
        var configuration = new EndpointConfiguration(OrdersQueue).UseConfiguredTransport(Infrastructure).AddHandler<InboxHandler>();
        Orders = await EndpointInstance.Start(configuration, ordersServices);
    }

    private async Task WatchErrors()
    {
        var transport = new EndpointConfiguration("error-watch").UseConfiguredTransport(Infrastructure).TransportFactory!(ordersServices!);
        disposables.Add(transport);
        await transport.Setup(new TransportSetup("error", "error", []));
        var receiver = await transport.Receive(new ReceiveSettings("error", 1, "error"), async (message, cancellationToken) =>
        {
            await errors.Writer.WriteAsync(message, cancellationToken);
            return ReceiveResult.Ack;
        });
        disposables.Insert(0, receiver);
    }

    private async Task StartService(
        Action<IServiceCollection, IConfiguration, InfrastructureOptions, Action<EndpointConfiguration>> addService,
        IReadOnlyDictionary<string, string?> settings,
        Action<EndpointConfiguration>? customize,
        Action<WebApplication>? map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Folder });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        addService(builder.Services, builder.Configuration, Infrastructure, configuration =>
        {
            // Plenty of fast retries: a transient failure rate of 0.5 must not exhaust them, and no test waits for a 10 s delay.
            configuration.Recoverability.ImmediateRetries = 10;
            configuration.Recoverability.DelayedRetryBase = TimeSpan.FromMilliseconds(50);
            configuration.Recoverability.JitterFraction = 0;
            customize?.Invoke(configuration);
        });
        App = builder.Build();
        map?.Invoke(App);
        await App.StartAsync();
        await Task.WhenAll(App.Services.GetServices<StartedEndpoint>().Select(e => e.WhenStarted())).WaitAsync(Inbox.Timeout);
    }
}
