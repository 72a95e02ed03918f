using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Payments;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Health;
using OrderEats.TestInfrastructure;

namespace OrderEats.Deployment.Tests.Health;

/// <summary>The Payments process on a private RabbitMQ broker: ready while connected, not ready while the broker is down, ready again after it returns.</summary>
public class When_the_broker_goes_down
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-health-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_report_not_ready_until_the_broker_is_back()
    {
        await using var broker = await RabbitMqBroker.StartPrivateAsync();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OrderEats:RabbitMq"] = broker.AmqpUri,
            ["OrderEats:DataFolder"] = folder,
            ["OrderEats:ShutdownTimeout"] = "5",
        });
        var infrastructure = InfrastructureOptions.FromConfiguration(builder.Configuration);
        builder.AddServiceDefaults(infrastructure);
        builder.Services.AddPaymentsService(builder.Configuration, infrastructure);
        // The checks are for operators only (anonymous callers get the status): this test reads them as one.
        builder.Services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, EveryoneIsAnOperator>(EveryoneIsAnOperator.SchemeName, null);
        builder.Services.AddHealthOperators(EveryoneIsAnOperator.SchemeName, EveryoneIsAnOperator.Role);
        await using var app = builder.Build();
        app.MapOrderEatsHealthChecks();
        await app.StartAsync();
        using var client = app.GetTestClient();

        var whileUp = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var upBody = await whileUp.Content.ReadAsStringAsync();
        await broker.Stop();
        var whileDown = await WaitForReadiness(client, HttpStatusCode.ServiceUnavailable);
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        await broker.Start();
        var afterwards = await WaitForReadiness(client, HttpStatusCode.OK);
        await app.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(whileUp.StatusCode, Is.EqualTo(HttpStatusCode.OK), upBody);
            Assert.That(upBody, Does.Contain("\"broker:payments\":\"connected\"").And.Contain("\"database:ordereats_payments\":\"reachable\""));
            Assert.That(whileDown, Does.Contain("disconnected since"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "liveness does not depend on the broker");
            Assert.That(afterwards, Does.Contain("\"status\":\"ready\""));
        });
    }

    // The connection's state changes on the client library's own threads; this re-asks on a short period, bounded by a deadline.
    private static async Task<string> WaitForReadiness(HttpClient client, HttpStatusCode expected)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            if (response.StatusCode == expected)
            {
                return body;
            }

            if (!await timer.WaitForNextTickAsync(deadline.Token))
            {
                throw new TimeoutException($"/health/ready never answered {expected}; last: {(int)response.StatusCode} {body}");
            }
        }
    }
}
