using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OrderEats.Engine;
using OrderEats.Host;
using OrderEats.Messages;
using OrderEats.Orders;
using OrderEats.Orders.Http;
using OrderEats.Orders.Placement;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.ReadModel;
using OrderEats.ServiceDefaults.Telemetry;

namespace OrderEats.Deployment.Tests.Tracing;

/// <summary>One order through the all-in-one host (learning transport, SQLite), traced with OpenTelemetry's in-memory exporter.</summary>
public class When_one_order_runs_through_the_host
{
    private static readonly string[] Endpoints = ["orders", "payments", "kitchen", "notifications"];
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-tracing-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_trace_every_endpoint_under_one_trace_id()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var notified = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer && activity.GetTagItem("messaging.destination.name") as string == "notifications"
                    && (activity.GetTagItem("ordereats.message_types") as string ?? string.Empty).Contains("OrderReady", StringComparison.Ordinal))
                {
                    notified.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = Composition.Build(
            [],
            new Dictionary<string, string?>
            {
                ["OrderEats:DataFolder"] = folder,
                // The API is not called here, but outside Development Orders refuses to start without any caller credentials.
                ["Orders:Auth:ApiKeys:0:Name"] = "tracing-test",
                ["Orders:Auth:ApiKeys:0:Sha256"] = new string('0', 64),
                ["Kitchen:AcceptDelay"] = TimeSpan.FromMilliseconds(50).ToString("c", CultureInfo.InvariantCulture),
                ["Kitchen:PrepareTime"] = TimeSpan.FromMilliseconds(50).ToString("c", CultureInfo.InvariantCulture),
            },
            builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Services.AddOrderEatsTelemetry("ordereats-test")
                    .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                    .WithMetrics(meters => meters.AddInMemoryExporter(metrics));
            });
        await app.StartAsync();

        var orderId = await PlaceOrder(app.Services);
        await app.Services.GetRequiredService<OrdersReadModel>().WhenOrder(orderId, o => o.Status == OrderStatus.Completed).WaitAsync(TimeSpan.FromMinutes(1));
        await notified.Task.WaitAsync(TimeSpan.FromMinutes(1));
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        await app.StopAsync();

        Activity[] engine;
        lock (spans)
        {
            engine = [.. spans.Where(s => s.Source.Name == EngineTelemetry.ActivitySourceName)];
        }

        var ofOrder = engine.Where(s => Equals(s.GetTagItem("ordereats.order_id"), orderId)).ToList();
        var traceId = engine.Single(s => s.DisplayName == "send StartOrder").TraceId;
        var trace = engine.Where(s => s.TraceId == traceId).ToList();
        var producers = trace.Where(s => s.Kind == ActivityKind.Producer).Select(s => s.SpanId).ToHashSet();
        var consumers = trace.Where(s => s.Kind == ActivityKind.Consumer).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ofOrder.Select(s => s.TraceId).Distinct(), Is.EqualTo(new[] { traceId }), "every span tagged with the order id is in one trace");
            Assert.That(consumers.Select(s => s.GetTagItem("messaging.destination.name")).Distinct(), Is.SupersetOf(Endpoints));
            Assert.That(consumers.Where(c => !producers.Contains(c.ParentSpanId)), Is.Empty, "every receive is a child of the send or publish that produced it");
            var consumerIds = consumers.Select(c => c.SpanId).ToHashSet();
            Assert.That(
                trace.Where(s => s.Kind == ActivityKind.Internal && !consumerIds.Contains(s.ParentSpanId)).Select(s => s.DisplayName),
                Is.Empty,
                "every handler and saga span is a child of the receive that ran it");
            Assert.That(trace.Select(s => s.DisplayName), Is.SupersetOf(new[]
            {
                "send StartOrder", "OrderSaga handle StartOrder", "send ChargePayment", "ChargePaymentHandler handle ChargePayment", "reply PaymentCharged",
                "send PrepareOrder", "PrepareOrderHandler handle PrepareOrder", "publish OrderConfirmed", "publish OrderReady",
            }));
            Assert.That(EndpointsMeasured(metrics, "ordereats.messaging.processed"), Is.SupersetOf(Endpoints));
            Assert.That(EndpointsMeasured(metrics, "ordereats.messaging.processing_time"), Is.SupersetOf(Endpoints));
            Assert.That(EndpointsMeasured(metrics, "ordereats.messaging.critical_time"), Is.SupersetOf(Endpoints));
            Assert.That(EndpointsMeasured(metrics, "ordereats.messaging.queue_depth"), Is.SupersetOf(Endpoints), "the learning transport counts its queues");
        });
    }

    private static HashSet<string> EndpointsMeasured(List<Metric> metrics, string name)
    {
        var endpoints = new HashSet<string>(StringComparer.Ordinal);
        lock (metrics)
        {
            foreach (var metric in metrics.Where(m => m.Name == name))
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    foreach (var tag in point.Tags)
                    {
                        if (tag.Key == "messaging.destination.name" && tag.Value is string endpoint)
                        {
                            endpoints.Add(endpoint);
                        }
                    }
                }
            }
        }

        return endpoints;
    }

    private static async Task<Guid> PlaceOrder(IServiceProvider services)
    {
        var catalog = services.GetRequiredService<CatalogStore>();
        var restaurant = await catalog.CreateRestaurant(new CreateRestaurantRequest("Trace Kitchen", [new MenuItemRequest("Ramen", 12.5m, "EUR")]));
        var customer = await catalog.CreateCustomer(new CreateCustomerRequest("Tracy", $"tracy-{Guid.NewGuid():N}@test.example"));
        var orderId = Guid.CreateVersion7();
        var result = await services.GetRequiredService<OrderPlacement>().Place(
            new PlaceOrderRequest(orderId, customer.Id, restaurant.Id, [new OrderLineRequest(restaurant.Menu[0].Id, 2)]));
        Assert.That(result.Outcome, Is.EqualTo(PlaceOrderOutcome.Accepted), result.Detail);
        return orderId;
    }
}
