using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.OutboxCrashTarget;
using OrderEats.Engine.Sql;

// Usage: OrderEats.Engine.OutboxCrashTarget <learning folder> <sqlite file> <crash at N-th forward, 0 = never>. Runs until stdin closes (or it dies).
var folder = args[0];
var database = args[1];
var crashAt = int.Parse(args[2], CultureInfo.InvariantCulture);

var configuration = new EndpointConfiguration("outboxed") { MaxConcurrency = 1 };
configuration.UseLearningTransport(folder);
var learning = configuration.TransportFactory!;
configuration.UseTransport(services => new CrashingTransport(learning(services), crashAt));
configuration.UseSqlite($"Data Source={database}", options => options.AdditionalSchema.Add(
    "CREATE TABLE IF NOT EXISTS effects (id INTEGER PRIMARY KEY AUTOINCREMENT, message_key TEXT NOT NULL)"));
configuration.EnableOutbox();
configuration.AddHandler<RecordAndForwardHandler>();
configuration.Routing.RouteToEndpoint<Forwarded>("out");
configuration.AdditionalQueues.Add("out");

await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
var endpoint = await EndpointInstance.Start(configuration, services);
await Console.Out.WriteLineAsync("ready");
await Console.In.ReadToEndAsync();
await endpoint.Stop();
await Console.Out.WriteLineAsync("stopped");
