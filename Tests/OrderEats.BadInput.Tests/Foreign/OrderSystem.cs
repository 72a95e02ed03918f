using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Kitchen;
using OrderEats.Notifications;
using OrderEats.Orders;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>
/// The whole system as a foreign client meets it: Orders, Payments, Kitchen and Notifications on RabbitMQ (their real queue names) with SQLite in a
/// temp folder, and the Orders HTTP API in memory for GET /orders/{id}. Kitchen and the payment gateway answer at once and never fail.
/// </summary>
internal sealed class OrderSystem : IAsyncDisposable
{
    private const string ApiKey = "foreign-client-tests-key";
    private readonly WebApplication app;
    private readonly string folder;

    private OrderSystem(WebApplication app, string folder)
    {
        this.app = app;
        this.folder = folder;
        Api = app.GetTestClient();
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public HttpClient Api { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<OrderSystem> Start(string amqpUri)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ordereats-foreign-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderEats:DataFolder"] = folder,
            ["OrderEats:Transport"] = "rabbitmq",
            ["OrderEats:RabbitMq"] = amqpUri,
            ["OrderEats:Persistence"] = "sqlite",
            ["Orders:Auth:ApiKeys:0:Name"] = "foreign-client-tests",
            ["Orders:Auth:ApiKeys:0:Key"] = ApiKey,
            ["Orders:RateLimit:PermitLimit"] = "1000000",
            ["Kitchen:Mode"] = "Auto",
            ["Kitchen:AcceptDelay"] = "00:00:00",
            ["Kitchen:PrepareTime"] = "00:00:00",
            ["Kitchen:RejectionRate"] = "0",
            ["Kitchen:IgnoreRate"] = "0",
            ["Payments:Gateway:DeclineRate"] = "0",
            ["Payments:Gateway:TransientFailureRate"] = "0",
            ["Notifications:TransientFailureRate"] = "0",
        });
        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddPaymentsService(builder.Configuration, infrastructure);
        builder.Services.AddKitchenService(builder.Configuration, infrastructure);
        builder.Services.AddNotificationsService(builder.Configuration, infrastructure);
        builder.Services.AddOrdersService(builder.Configuration, infrastructure);
        var app = builder.Build();
        app.UseOrderEatsEdge();
        app.MapOrdersApi();
        await app.StartAsync();
        await Task.WhenAll(app.Services.GetServices<StartedEndpoint>().Select(e => e.WhenStarted())).WaitAsync(TimeSpan.FromSeconds(60));
        return new OrderSystem(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
