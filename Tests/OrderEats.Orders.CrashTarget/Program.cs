using System.Globalization;
using OrderEats.Messages;
using OrderEats.Orders;
using OrderEats.Orders.CrashTarget;
using OrderEats.ServiceDefaults;

// The Orders service (HTTP API and endpoint) on the configuration given by the environment, killing itself at the CRASH_AT-th StartOrder
// dispatch after a commit (0 = never). Prints "ready" once it serves requests.
var crashAt = int.Parse(Environment.GetEnvironmentVariable("CRASH_AT") ?? "0", CultureInfo.InvariantCulture);
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpContextAccessor();
await using var app = ServiceProcess.Build(builder, OrdersService.Customized(endpoint =>
{
    var transport = endpoint.TransportFactory!;
    endpoint.UseTransport(services => new CrashAfterCommitTransport(transport(services), crashAt, services.GetRequiredService<IHttpContextAccessor>()));
    endpoint.TransactionalSession.CommitDelay = TimeSpan.FromMilliseconds(500);
    endpoint.AdditionalQueues.Add(EndpointNames.Payments);
    endpoint.AdditionalQueues.Add(EndpointNames.Kitchen);
}));
await app.StartAsync();
await app.Services.GetRequiredKeyedService<OrderEats.Engine.Hosting.StartedEndpoint>(EndpointNames.Orders).WhenStarted();
Console.Out.WriteLine("ready");
Console.Out.Flush();
await app.WaitForShutdownAsync();
