using OrderEats.Benchmarks;
using OrderEats.Benchmarks.Report;
using OrderEats.TestInfrastructure;

if (!BenchOptions.TryParse(args, Console.Out, Console.Error, out var parsed, out var exitCode))
{
    return exitCode;
}

var options = parsed!;

BenchContext.Progress($"scenarios: {string.Join(", ", options.Scenarios)}; starting RabbitMQ and PostgreSQL (fsync {(options.NoFsync ? "off" : "on")}; or using ORDEREATS_RABBITMQ / ORDEREATS_POSTGRES)");
BenchContext.Progress($"load: {BenchContext.LoadAverage()}");
await using var broker = await RabbitMqBroker.StartAsync();
await using var postgres = await PostgresServer.Start(durable: !options.NoFsync);
var context = new BenchContext(broker, postgres, options);
foreach (var scenario in options.Scenarios)
{
    BenchContext.Progress($"scenario {scenario}");
    await Benchmarks.Run(scenario, context);
}

if (options.Report is not null)
{
    await BenchmarkReport.Write(options.Report, context);
    BenchContext.Progress($"wrote {options.Report} and its chart");
}

return 0;
