using System.Text;
using OrderEats.Engine;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Transport;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_ingesting_many_failures
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private const int Count = 300;

    [Test]
    public async Task Should_store_each_once_and_group_them()
    {
        await using var harness = await ConsoleHarness.Start();
        var raw = harness.RawTransport();
        var stored = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Changes.Changed += change =>
        {
            if (change.Kind == "Ingested" && Interlocked.Increment(ref stored) == Count)
            {
                all.TrySetResult();
            }
        };
        var operations = Enumerable.Range(0, Count).Select(i =>
        {
            var headers = FailureHeaders.Add(
                new Dictionary<string, string> { [Headers.MessageId] = $"many-{i}", [Headers.EnclosedMessageTypes] = $"Shop.Type{i % 3}" },
                Failures.Thrown($"failure {i}"), "cons-many", $"cons-many-{i % 4}", "host", Clock.GetUtcNow());
            return TransportOperation.Send(new OutgoingMessage($"many-{i}", headers, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")), "error");
        }).ToList();

        var started = Clock.GetTimestamp();
        await raw.Dispatch(operations);
        await all.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var elapsed = Clock.GetElapsedTime(started);
        await TestContext.Progress.WriteLineAsync($"Ingested {Count} failed messages in {elapsed.TotalSeconds:F2} s ({Count / elapsed.TotalSeconds:F0}/s, SQLite, learning transport)");
        using var client = await harness.Login("reader");
        var page = await client.Failures("?pageSize=1");
        var byEndpoint = await client.Get<List<Model.FailureGroup>>("/api/groups?by=endpoint");
        var byType = await client.Get<List<Model.FailureGroup>>("/api/groups?by=type");
        var byCause = await client.Get<List<Model.FailureGroup>>("/api/groups");

        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(Count));
            Assert.That(byEndpoint.Select(g => g.Total), Is.EqualTo(Enumerable.Repeat(Count / 4, 4)));
            Assert.That(byType.Select(g => g.Total), Is.EqualTo(Enumerable.Repeat(Count / 3, 3)));
            Assert.That(byCause.Single().Total, Is.EqualTo(Count));
        });
    }
}
