using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine;
using OrderEats.Engine.Hosting;
using OrderEats.Messages;
using OrderEats.Messages.Commands;

namespace OrderEats.Deployment.Tests.Shutdown;

/// <summary>
/// The Payments process (learning transport, SQLite) is stopped with SIGTERM while charges are in flight: it finishes them, exits 0, and after a
/// restart every charge has been answered exactly once.
/// </summary>
public class When_an_endpoint_process_gets_SIGTERM_under_load
{
    private const int Charges = 16;
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-sigterm-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_finish_in_flight_work_exit_0_and_lose_nothing()
    {
        var replies = new ChargeReplies();
        await using var provider = new ServiceCollection().AddLogging().AddSingleton(replies).BuildServiceProvider();
        var client = new EndpointConfiguration("sigterm-client-" + Guid.NewGuid().ToString("N")[..8])
            .AddHandler<PaymentChargedHandler>()
            .AddMessageTypesFromAssembly(typeof(ChargePayment).Assembly);
        client.UseLearningTransport(Path.Combine(folder, "transport"));
        client.Routing.RouteToEndpoint<ChargePayment>("payments");
        await using var endpoint = await EndpointInstance.Start(client, provider);

        var exitCodes = new List<int>();
        using (var first = StartPayments())
        {
            await first.Started.WaitAsync(TimeSpan.FromMinutes(1));
            for (var i = 0; i < Charges; i++)
            {
                await endpoint.Send(new ChargePayment(Guid.NewGuid(), Guid.NewGuid(), new Money(10m + i, "EUR")));
            }

            // Each charge takes 300 ms at the gateway and Payments runs two at a time: after the first answer, more are in flight and many wait.
            await replies.WhenDistinct(1).WaitAsync(TimeSpan.FromMinutes(1));
            await first.Terminate();
            exitCodes.Add(await first.WaitForExit(TimeSpan.FromMinutes(1)));
            Assert.That(first.Output, Does.Contain("Endpoint payments stopped").And.Not.Contain("did not finish within"), first.Output);
            Assert.That(first.Output.Split('\n').Count(IsJsonLogEntry), Is.GreaterThan(1), "Logging:Console:FormatterName=json writes one JSON object per entry");
        }

        var answeredBeforeRestart = replies.Distinct;
        using (var second = StartPayments())
        {
            await replies.WhenDistinct(Charges).WaitAsync(TimeSpan.FromMinutes(1));
            await second.Terminate();
            exitCodes.Add(await second.WaitForExit(TimeSpan.FromMinutes(1)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(exitCodes, Is.EqualTo(new[] { 0, 0 }));
            Assert.That(answeredBeforeRestart, Is.InRange(1, Charges - 1), "SIGTERM came while work was still queued");
            Assert.That(replies.Distinct, Is.EqualTo(Charges), "every charge answered");
            Assert.That(replies.Total, Is.EqualTo(Charges), "no charge answered twice");
        });
    }

    private static bool IsJsonLogEntry(string line)
    {
        try
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            return entry.RootElement.TryGetProperty("Category", out _) && entry.RootElement.TryGetProperty("Message", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private EndpointProcess StartPayments() => EndpointProcess.Start(
        "OrderEats.Payments",
        new Dictionary<string, string>
        {
            ["ORDEREATS_DATA"] = folder,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Payments__Gateway__Latency"] = "00:00:00.300",
            ["OrderEats__ShutdownTimeout"] = "30",
            ["Logging__Console__FormatterName"] = "json",
        },
        "Endpoint payments started");
}
