using System.Globalization;
using OrderEats.Engine;
using OrderEats.Engine.CrashTarget;
using OrderEats.Engine.Transport;

// Usage: OrderEats.Engine.CrashTarget <learning folder> <max concurrency>. Runs until stdin closes (or it is killed).
var folder = args[0];
var concurrency = int.Parse(args[1], CultureInfo.InvariantCulture);
var configuration = new EndpointConfiguration("crash-target").UseLearningTransport(folder);
await using var transport = configuration.TransportFactory!(EmptyServiceProvider.Instance);
await transport.Setup(new TransportSetup("in", "error", [], ["out"]));

var receiver = await transport.Receive(new ReceiveSettings("in", concurrency, "error"), async (message, cancellationToken) =>
{
    var copy = new OutgoingMessage(message.MessageId, message.Headers, message.Body);
    await transport.Dispatch([TransportOperation.Send(copy, "out")], cancellationToken);
    await Console.Out.WriteLineAsync($"processed {message.MessageId}");
    return ReceiveResult.Ack;
});
await Console.Out.WriteLineAsync("ready");
await Console.In.ReadToEndAsync();
await receiver.DisposeAsync();
await Console.Out.WriteLineAsync("stopped");
