using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.RabbitMQ;
using OrderEats.Engine.RabbitMQ.CrashTarget;

// Usage: OrderEats.Engine.RabbitMQ.CrashTarget <amqp uri(s)> <endpoint queue> <error queue> <delivery limit>. Runs until stdin closes (or it dies).
var configuration = new EndpointConfiguration(args[1]) { ErrorQueue = args[2], MaxConcurrency = 1 };
configuration.UseRabbitMq(args[0], options =>
{
    options.DeliveryLimit = int.Parse(args[3], CultureInfo.InvariantCulture);
    options.MaxRequeues = 1;
    options.RecoveryInterval = TimeSpan.FromSeconds(1);
});
configuration.AddHandler<KillProcessHandler>();
await using var services = new ServiceCollection()
    .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
    .BuildServiceProvider();
var endpoint = await EndpointInstance.Start(configuration, services);
await Console.Out.WriteLineAsync("ready");
await Console.In.ReadToEndAsync();
await endpoint.Stop();
await Console.Out.WriteLineAsync("stopped");
