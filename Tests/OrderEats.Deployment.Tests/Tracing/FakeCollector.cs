using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrderEats.Deployment.Tests.Tracing;

/// <summary>An OTLP/HTTP receiver on 127.0.0.1 that accepts every export and signals, per signal path, when the first one arrives.</summary>
internal sealed class FakeCollector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> received = new(StringComparer.Ordinal);

    private FakeCollector(WebApplication app) => this.app = app;

    public string Endpoint => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeCollector> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new FakeCollector(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector.Signal("/v1/" + signal).TrySetResult((int)body.Length);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Completes with the size of the first export to <paramref name="path"/> (e.g. /v1/traces).</summary>
    public Task<int> First(string path) => Signal(path).Task;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private TaskCompletionSource<int> Signal(string path) => received.GetOrAdd(path, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
}
