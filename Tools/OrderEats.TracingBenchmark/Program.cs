using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.TracingBenchmark;

// Usage: OrderEats.TracingBenchmark [messages per round, default 2000] [rounds per mode, default 3]
var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var folder = Directory.CreateTempSubdirectory("ordereats-bench-").FullName;
try
{
    var counter = new PingCounter();
    await using var provider = new ServiceCollection().AddSingleton(counter).BuildServiceProvider();
    var configuration = new EndpointConfiguration("bench").AddHandler<PingHandler>();
    configuration.AdditionalQueues.Add("bench-sink");
    configuration.UseLearningTransport(folder);
    configuration.UseInMemoryPersistence();
    configuration.Routing.RouteToEndpoint<Ping>("bench");
    await using var endpoint = await EndpointInstance.Start(configuration, provider);

    await Round(endpoint, counter, Math.Min(200, messages)); // warm-up: JIT, file system
    var results = new Dictionary<string, List<double>> { ["off"] = [], ["on"] = [] };
    for (var round = 0; round < rounds; round++)
    {
        results["off"].Add(await Round(endpoint, counter, messages));
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (Sdk.CreateTracerProviderBuilder().AddSource(EngineTelemetry.ActivitySourceName).AddInMemoryExporter(spans).Build())
        using (Sdk.CreateMeterProviderBuilder().AddMeter(EngineTelemetry.MeterName).AddInMemoryExporter(metrics).Build())
        {
            results["on"].Add(await Round(endpoint, counter, messages));
        }

        Console.WriteLine($"round {round + 1}: off {results["off"][^1]:F0} msg/s, on {results["on"][^1]:F0} msg/s ({spans.Count} spans exported)");
    }

    var off = results["off"].Average();
    var on = results["on"].Average();
    Console.WriteLine($"{messages} messages x {rounds} rounds, learning transport, in-memory persistence, one send per handler");
    Console.WriteLine($"tracing+metrics off: {off:F0} msg/s ({1e6 / off:F0} us/msg); on (in-memory exporter): {on:F0} msg/s ({1e6 / on:F0} us/msg); overhead {(off - on) / off:P1}");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static async Task<double> Round(EndpointInstance endpoint, PingCounter counter, int messages)
{
    var done = counter.Expect(messages);
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < messages; i++)
    {
        await endpoint.Send(new Ping(Guid.NewGuid(), i));
    }

    await done.WaitAsync(TimeSpan.FromMinutes(5));
    return messages / stopwatch.Elapsed.TotalSeconds;
}
