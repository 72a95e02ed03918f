using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_a_new_failure_group_appears
{
    [Test]
    public async Task Should_post_the_webhook_once_per_new_group()
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
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?> { ["Console:AlertWebhook"] = hook.Urls.Single() + "/hook" });

        await harness.InjectFailure("hook-1", exceptionMessage: "card 1 declined");
        await harness.InjectFailure("hook-2", exceptionMessage: "card 2 declined");
        await harness.InjectFailure("hook-3", exception: Failures.ThrownElsewhere("a new cause"));
        var first = await posts.Reader.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);
        var second = await posts.Reader.ReadAsync().AsTask().WaitAsync(ConsoleHarness.Timeout);

        // Alerts go out in order; had hook-2 raised one, it would have arrived before hook-3's.
        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("kind").GetString(), Is.EqualTo("NewFailureGroup"));
            Assert.That(first.GetProperty("messageId").GetString(), Is.EqualTo("hook-1"));
            Assert.That(first.GetProperty("title").GetString(), Does.Contain("Failures.ThrowHere"));
            Assert.That(second.GetProperty("messageId").GetString(), Is.EqualTo("hook-3"));
            Assert.That(second.GetProperty("title").GetString(), Does.Contain("Failures.ThrowThere"));
        });
        await hook.StopAsync();
    }

    [Test]
    public async Task Should_keep_ingesting_while_the_webhook_hangs()
    {
        using var silent = Silent();
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?>
        {
            ["Console:AlertWebhook"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/hook",
            ["Console:AlertTimeoutSeconds"] = "120",
        });
        var alertFinished = harness.Changes.WaitFor(c => c.Kind is "AlertSent" or "AlertFailed");

        await harness.InjectFailure("hang-1");
        await harness.InjectFailure("hang-2", exception: Failures.ThrownElsewhere("another cause"));
        await harness.InjectFailure("hang-3");

        Assert.That(alertFinished.IsCompleted, Is.False, "the first alert is still waiting for an answer, yet three failures were stored");
    }

    [Test]
    public async Task Should_give_up_on_a_webhook_call_after_the_timeout()
    {
        using var silent = Silent();
        await using var harness = await ConsoleHarness.Start(new Dictionary<string, string?>
        {
            ["Console:AlertWebhook"] = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/hook",
            ["Console:AlertTimeoutSeconds"] = "0.5",
        });

        var alertFailed = harness.Changes.WaitFor(c => c.Kind == "AlertFailed");
        await harness.InjectFailure("timeout-1");
        var failed = await alertFailed.WaitAsync(ConsoleHarness.Timeout);

        Assert.That(failed.MessageId, Is.EqualTo("timeout-1"));
    }

    // Accepts connections (the kernel completes the handshake) but never answers: a webhook that hangs.
    private static System.Net.Sockets.TcpListener Silent()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
