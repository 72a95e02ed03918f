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
    var results = new Dictionary<string, List<(double Rate, double CpuMicroseconds)>> { ["off"] = [], ["on"] = [] };
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

        Console.WriteLine($"round {round + 1}: off {results["off"][^1].Rate:F0} msg/s {results["off"][^1].CpuMicroseconds:F0} us CPU/msg; on {results["on"][^1].Rate:F0} msg/s {results["on"][^1].CpuMicroseconds:F0} us CPU/msg ({spans.Count} spans exported)");
    }

    // Medians: the machine is shared, so single rounds swing widely; CPU time per message is steadier than wall-clock throughput.
    var (offRate, onRate) = (Median(results["off"].Select(r => r.Rate)), Median(results["on"].Select(r => r.Rate)));
    var (offCpu, onCpu) = (Median(results["off"].Select(r => r.CpuMicroseconds)), Median(results["on"].Select(r => r.CpuMicroseconds)));
    Console.WriteLine($"{messages} messages x {rounds} rounds per mode, alternating; learning transport, in-memory persistence, one send per handler; medians:");
    Console.WriteLine($"  off: {offRate:F0} msg/s, {offCpu:F0} us CPU/msg");
    Console.WriteLine($"  on (spans + metrics, in-memory exporters): {onRate:F0} msg/s, {onCpu:F0} us CPU/msg");
    Console.WriteLine($"  overhead: throughput {(offRate - onRate) / offRate:P1}, CPU {(onCpu - offCpu) / offCpu:P1} ({onCpu - offCpu:F0} us/msg)");
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<(double Rate, double CpuMicroseconds)> Round(EndpointInstance endpoint, PingCounter counter, int messages)
{
    var done = counter.Expect(messages);
    using var self = Process.GetCurrentProcess();
    var cpu = self.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < messages; i++)
    {
        await endpoint.Send(new Ping(Guid.NewGuid(), i));
    }

    await done.WaitAsync(TimeSpan.FromMinutes(5));
    var elapsed = stopwatch.Elapsed;
    self.Refresh();
    return (messages / elapsed.TotalSeconds, (self.TotalProcessorTime - cpu).TotalMicroseconds / messages);
}
