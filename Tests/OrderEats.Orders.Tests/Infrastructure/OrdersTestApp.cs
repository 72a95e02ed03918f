using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.ReadModel;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Health;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>
/// The Orders process built as Program builds it (AddOrdersService, the health checks, MapOrdersApi) on a TestServer, with the learning transport
/// and SQLite in a private temp folder or PostgreSQL. The payments and kitchen queues exist; with <c>peers</c> a fake Payments and Kitchen answer too.
/// </summary>
public sealed class OrdersTestApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly WebApplication app;
    private readonly List<EndpointInstance> peers;
    private readonly ServiceProvider peerServices;

    /// <summary>The back-office API key every test app accepts; <see cref="Client"/> sends it.</summary>
    public const string BackOfficeKey = "test-backoffice-key";

    /// <summary>The signing key of the test apps' customer tokens.</summary>
    public const string SigningKey = "orders-tests-signing-key-0123456789-abcdefghij";

    private OrdersTestApp(WebApplication app, List<EndpointInstance> peers, ServiceProvider peerServices, string folder)
    {
        this.app = app;
        this.peers = peers;
        this.peerServices = peerServices;
        Folder = folder;
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", BackOfficeKey);
    }

    public string Folder { get; }

    /// <summary>A client authenticated as the back office (full access).</summary>
    public HttpClient Client { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => app.GetTestClient();

    /// <summary>A client with a customer token for <paramref name="customerId"/>.</summary>
    public HttpClient AsCustomer(Guid customerId)
    {
        var client = app.GetTestClient();
        var (token, _) = app.Services.GetRequiredService<OrderEats.Orders.Http.TokenIssuer>().Issue(customerId);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public IServiceProvider Services => app.Services;

    public OrdersReadModel ReadModel => app.Services.GetRequiredService<OrdersReadModel>();

    public static async Task<OrdersTestApp> Start(
        Store store, bool peers = false, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection, InfrastructureOptions>? registerFirst = null,
        string environment = "Testing", Action<EndpointConfiguration>? endpoint = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ordereats-orders-tests-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderEats:DataFolder"] = folder,
            ["OrderEats:Transport"] = "learning",
            ["OrderEats:Persistence"] = store == Store.PostgreSql ? "postgresql" : "sqlite",
            ["OrderEats:Postgres"] = store == Store.PostgreSql ? PostgresSetUp.ServerConnectionString : null,
            ["Orders:PaymentTimeout"] = "00:05:00",
            ["Orders:KitchenTimeout"] = "00:10:00",
            ["Orders:Auth:SigningKey"] = SigningKey,
            ["Orders:RateLimit:PermitLimit"] = "1000000",
            // Most fixtures place orders nobody pays for, which never drain: the admission gate would shed them. Its own tests turn it on.
            ["Orders:Admission:Enabled"] = "false",
            ["Orders:Auth:ApiKeys:0:Name"] = "backoffice-tests",
            ["Orders:Auth:ApiKeys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BackOfficeKey))),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        registerFirst?.Invoke(builder.Services, infrastructure);
        builder.Services.AddOrderEatsHealthChecks();
        builder.Services.AddOrdersService(builder.Configuration, infrastructure, configuration =>
        {
            configuration.MaxConcurrency = 4;
            configuration.Recoverability.DelayedRetryBase = TimeSpan.FromMilliseconds(200);
            configuration.Recoverability.JitterFraction = 0;
            endpoint?.Invoke(configuration);
        });
        var app = builder.Build();
        app.UseOrderEatsEdge();
        app.MapOrderEatsHealthChecks();
        app.MapOrdersApi();

        var peerServices = new ServiceCollection().AddLogging().BuildServiceProvider();
        var running = new List<EndpointInstance>();
        if (peers)
        {
            running.Add(await StartPeer(infrastructure.LearningFolder, EndpointNames.Payments, typeof(FakePayments), peerServices));
            running.Add(await StartPeer(infrastructure.LearningFolder, EndpointNames.Kitchen, typeof(FakeKitchen), peerServices));
        }
        else
        {
            await CreateQueues(infrastructure.LearningFolder, peerServices, EndpointNames.Payments, EndpointNames.Kitchen);
        }

        await app.StartAsync();
        return new OrdersTestApp(app, running, peerServices, folder);
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public async Task<Restaurant> CreateRestaurant(params MenuItemRequest[] menu)
    {
        var response = await Client.PostAsJsonAsync("/restaurants", new CreateRestaurantRequest("Trattoria " + Guid.NewGuid().ToString("N")[..6], menu), Json);
        response.EnsureSuccessStatusCode();
        return await Read<Restaurant>(response);
    }

    public async Task<Customer> CreateCustomer()
    {
        var response = await Client.PostAsJsonAsync("/customers", new CreateCustomerRequest("Ada", $"ada.{Guid.NewGuid():N}@example.com"), Json);
        response.EnsureSuccessStatusCode();
        return await Read<Customer>(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        foreach (var peer in peers)
        {
            await peer.Stop();
        }

        await peerServices.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static async Task<EndpointInstance> StartPeer(string learningFolder, string name, Type handler, IServiceProvider services)
    {
        var configuration = new EndpointConfiguration(name) { MaxConcurrency = 2 };
        configuration.UseLearningTransport(learningFolder);
        configuration.AddHandler(handler);
        configuration.AddMessageTypesFromAssembly(typeof(Messages.Commands.PlaceOrder).Assembly);
        return await EndpointInstance.Start(configuration, services);
    }

    private static async Task CreateQueues(string learningFolder, IServiceProvider services, params string[] queues)
    {
        var configuration = new EndpointConfiguration("queue-setup");
        configuration.UseLearningTransport(learningFolder);
        await using var transport = configuration.TransportFactory!(services);
        foreach (var queue in queues)
        {
            await transport.Setup(new TransportSetup(queue, "error", []));
        }
    }
}
