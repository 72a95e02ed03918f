using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace OrderEats.Console.Tests.Monitoring;

[TestFixture]
public class When_a_heartbeat_is_lost
{
    [Test]
    public async Task Should_mark_the_instance_dead_log_it_and_call_the_webhook_then_alive_when_it_restarts()
    {
        var posts = Channel.CreateUnbounded<JsonElement>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var hook = builder.Build();
        hook.MapPost("/hook", async (HttpContext context) =>
        {
            await posts.Writer.WriteAsync(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body));
            return Results.NoContent();
        });
        await hook.StartAsync();
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?>
        {
            ["Console:AlertWebhook"] = hook.Urls.Single() + "/hook",
            ["Console:HeartbeatGraceSeconds"] = "1",
            ["Console:HeartbeatCheckSeconds"] = "0.2",
        });
        var reader = await harness.Login("reader");

        // One heartbeat at start, the next an hour later: the console sees it go silent after the 1 s grace.
        var lost = harness.Changes.WaitFor(c => c.Kind == "HeartbeatLost");
        var first = await MonitoredEndpoint.Start(harness, "cons-silent", TimeSpan.FromHours(1));
        await lost.WaitAsync(ConsoleHarness.Timeout);
        await first.Stop();
        var dead = await reader.GetFromJsonAsync<JsonElement>("/api/endpoints");
        var alert = await posts.Reader.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);

        var restored = harness.Changes.WaitFor(c => c.Kind == "HeartbeatRestored");
        var second = await MonitoredEndpoint.Start(harness, "cons-silent", TimeSpan.FromHours(1));
        await restored.WaitAsync(ConsoleHarness.Timeout);
        var alive = await reader.GetFromJsonAsync<JsonElement>("/api/endpoints");
        var events = await reader.GetStringAsync("/api/events");
        var page = await reader.GetStringAsync("/endpoints");
        await second.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(dead.EnumerateArray().Single().GetProperty("status").GetString(), Is.EqualTo("Dead"));
            Assert.That(alert.GetProperty("kind").GetString(), Is.EqualTo("HeartbeatLost"));
            Assert.That(alert.GetProperty("endpoint").GetString(), Is.EqualTo("cons-silent"));
            Assert.That(alive.EnumerateArray().Single().GetProperty("status").GetString(), Is.EqualTo("Alive"));
            Assert.That(events, Does.Contain("HeartbeatLost").And.Contain("HeartbeatRestored").And.Contain("EndpointStarted"));
            Assert.That(page, Does.Contain("cons-silent").And.Contain("data-status=\"Alive\"").And.Contain("<svg"));
        });
        await hook.StopAsync();
    }
}
