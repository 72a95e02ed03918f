using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrderEats.Messages;
using OrderEats.Orders;
using OrderEats.ServiceDefaults;

namespace OrderEats.BadInput.Tests.Http;

/// <summary>The Orders HTTP API in memory (TestServer), on the learning transport and SQLite in its own temp folder.</summary>
internal sealed class OrdersApiHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private OrdersApiHost(WebApplication app, string folder)
    {
        this.app = app;
        this.folder = folder;
        Client = app.GetTestClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    // The bad input under test is the body, not the credentials: every request comes from a back-office caller.
    private const string ApiKey = "bad-input-tests-key";

    public HttpClient Client { get; }

    public static async Task<OrdersApiHost> Start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ordereats-badinput-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderEats:DataFolder"] = folder,
            ["OrderEats:Transport"] = "learning",
            ["OrderEats:Persistence"] = "sqlite",
            ["Orders:Auth:ApiKeys:0:Name"] = "bad-input-tests",
            ["Orders:Auth:ApiKeys:0:Key"] = ApiKey,
            // Nobody answers the saga here, so accepted orders never drain; the admission gate (which sheds before reading the body) stays off.
            ["Orders:Admission:Enabled"] = "false",
        });
        // The Orders process as its Program builds it; the saga sends to payments and kitchen, which with the learning transport must exist.
        var app = ServiceProcess.Build(builder, OrdersService.Customized(endpoint =>
        {
            endpoint.AdditionalQueues.Add(EndpointNames.Payments);
            endpoint.AdditionalQueues.Add(EndpointNames.Kitchen);
        }));
        await app.StartAsync();
        return new OrdersApiHost(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
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
