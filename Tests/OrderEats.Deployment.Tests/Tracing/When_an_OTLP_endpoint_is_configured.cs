using Microsoft.Extensions.DependencyInjection;
using OrderEats.Deployment.Tests.Shutdown;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Commands;

namespace OrderEats.Deployment.Tests.Tracing;

/// <summary>The Payments process exports traces, metrics and logs over OTLP as soon as OTEL_EXPORTER_OTLP_ENDPOINT is set, and nothing more is needed.</summary>
public class When_an_OTLP_endpoint_is_configured
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-otlp-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_export_traces_metrics_and_logs()
    {
        await using var collector = await FakeCollector.Start();
        var replies = new ChargeReplies();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(replies).BuildServiceProvider();
        var client = new EndpointConfiguration("otlp-client-" + Guid.NewGuid().ToString("N")[..8])
            .AddHandler<PaymentChargedHandler>()
            .AddMessageTypesFromAssembly(typeof(ChargePayment).Assembly);
        client.UseLearningTransport(Path.Combine(folder, "transport"));
        client.Routing.RouteToEndpoint<ChargePayment>("payments");
        await using var endpoint = await EndpointInstance.Start(client, provider);

        using var payments = EndpointProcess.Start(
            "OrderEats.Payments",
            new Dictionary<string, string>
            {
                ["ORDEREATS_DATA"] = folder,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            },
            "Endpoint payments started");
        await payments.Started.WaitAsync(TimeSpan.FromMinutes(1));
        await endpoint.Send(new ChargePayment(Guid.NewGuid(), Guid.NewGuid(), new Money(12m, "EUR")));
        await replies.WhenDistinct(1).WaitAsync(TimeSpan.FromMinutes(1));

        var exports = await Task.WhenAll(collector.First("/v1/traces"), collector.First("/v1/metrics"), collector.First("/v1/logs")).WaitAsync(TimeSpan.FromMinutes(1));
        await payments.Terminate();

        Assert.Multiple(async () =>
        {
            Assert.That(exports, Has.All.GreaterThan(0));
            Assert.That(await payments.WaitForExit(TimeSpan.FromMinutes(1)), Is.Zero, payments.Output);
        });
    }
}
