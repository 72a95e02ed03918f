using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Sql.Tests.Outbox;

/// <summary>
/// A real endpoint process (SQLite + outbox + learning transport) kills itself right after a unit of work committed and before its messages
/// were dispatched; after a restart every message has exactly one effect and exactly one forwarded message.
/// </summary>
[TestFixture]
public class When_the_process_dies_between_commit_and_dispatch
{
    private const int Messages = 30;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Should_lose_nothing_and_repeat_no_effect()
    {
        var root = Path.Combine(Path.GetTempPath(), "ordereats-outbox-crash-" + Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(root, "transport");
        var database = Path.Combine(root, "outboxed.db");
        Directory.CreateDirectory(root);
        try
        {
            var configuration = new EndpointConfiguration("test-driver").UseLearningTransport(folder);
            await using var transport = configuration.TransportFactory!(EmptyServices.Instance);
            await transport.Setup(new TransportSetup("outboxed", "error", [], ["out"]));
            var keys = Enumerable.Range(0, Messages).Select(i => "key-" + i).ToList();
            foreach (var key in keys)
            {
                var id = Guid.NewGuid().ToString();
                var headers = new Dictionary<string, string>
                {
                    [Headers.MessageId] = id,
                    [Headers.EnclosedMessageTypes] = "OrderEats.Engine.OutboxCrashTarget.RecordAndForward",
                };
                await transport.Dispatch([TransportOperation.Send(new OutgoingMessage(id, headers, Encoding.UTF8.GetBytes($"{{\"key\":\"{key}\"}}")), "outboxed")]);
            }

            using (var crashing = Target(folder, database, crashAt: 10))
            {
                crashing.Start();
                await crashing.WaitForExitAsync().WaitAsync(Timeout);
                Assert.That(crashing.ExitCode, Is.Not.Zero, "the target killed itself between commit and dispatch");
            }

            var forwarded = new ConcurrentDictionary<string, int>();
            var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (await transport.Receive(new ReceiveSettings("out", 1, "error"), (message, _) =>
            {
                var key = Encoding.UTF8.GetString(message.Body.Span);
                forwarded.AddOrUpdate(key, 1, (_, count) => count + 1);
                if (forwarded.Count == Messages)
                {
                    all.TrySetResult();
                }

                return Task.FromResult(ReceiveResult.Ack);
            }))
            {
                using var restarted = Target(folder, database, crashAt: 0);
                restarted.Start();
                await all.Task.WaitAsync(Timeout);
                restarted.StandardInput.Close();
                await restarted.WaitForExitAsync().WaitAsync(Timeout);
            }

            var effects = await Effects(database);
            Assert.Multiple(() =>
            {
                Assert.That(effects, Has.Count.EqualTo(Messages), "one effect per message: the redelivered message was answered from the outbox");
                Assert.That(effects.Distinct(), Is.EquivalentTo(keys));
                Assert.That(forwarded.Keys.Select(k => k.Split('"')[3]), Is.EquivalentTo(keys), "nothing lost");
                Assert.That(forwarded.Values, Has.All.EqualTo(1), "nothing forwarded twice");
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static Process Target(string folder, string database, int crashAt)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { TargetDll(), folder, database, crashAt.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new Process { StartInfo = start };
    }

    private static string TargetDll()
    {
        // bin/<configuration>/<tfm> of this project mirrors that of the target project beside it.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tests = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "OrderEats.Engine.OutboxCrashTarget", "bin", output.Parent.Name, output.Name, "OrderEats.Engine.OutboxCrashTarget.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build Tests/OrderEats.Engine.OutboxCrashTarget first: {dll} is missing.", dll);
    }

    private static async Task<List<string>> Effects(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_key FROM effects";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
