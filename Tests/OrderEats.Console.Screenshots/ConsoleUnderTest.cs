using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderEats.Console.Security;
using OrderEats.ServiceDefaults;

namespace OrderEats.Console.Screenshots;

/// <summary>The console in this process on a free port of 127.0.0.1, on the demo's data folder, with one operator whose password is made up here.</summary>
internal sealed class ConsoleUnderTest : IAsyncDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    public const string User = "operator";

    private readonly WebApplication app;
    private readonly HttpClient api;

    private ConsoleUnderTest(WebApplication app, string password)
    {
        this.app = app;
        Password = password;
        api = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(Url) };
    }

    public string Url => app.Urls.Single();

    public string Password { get; }

    public InfrastructureOptions Infrastructure => app.Services.GetRequiredService<InfrastructureOptions>();

    public ConsoleChanges Changes => app.Services.GetRequiredService<ConsoleChanges>();

    public IServiceProvider Services => app.Services;

    public static async Task<ConsoleUnderTest> Start(string data)
    {
        var password = Guid.NewGuid().ToString("N");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:Users:0:Name"] = User,
            ["Console:Users:0:PasswordHash"] = PasswordHash.Create(password),
            ["Console:Users:0:Role"] = "Operator",
            ["Console:AllowEditAndRetry"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        ConsoleService.AddConsoleService(builder.Services, builder.Configuration, new InfrastructureOptions { DataFolder = data });
        var app = builder.Build();
        ConsoleService.MapConsole(app);
        await app.StartAsync();
        var console = new ConsoleUnderTest(app, password);
        (await console.api.PostAsJsonAsync("/api/login", new { name = User, password })).EnsureSuccessStatusCode();
        return console;
    }

    /// <summary>Waits until <paramref name="count"/> endpoints sent heartbeats (the demo's services are up).</summary>
    public async Task WaitForEndpoints(int count, DemoProcess demo)
    {
        var deadline = Clock.GetUtcNow() + TimeSpan.FromMinutes(3);
        while (true)
        {
            var beat = Changes.WaitFor(c => c.Kind == "Heartbeat");
            var endpoints = await api.GetFromJsonAsync<JsonElement>("/api/endpoints");
            if (endpoints.EnumerateArray().Select(e => e.GetProperty("endpoint").GetString()).Distinct().Count() >= count)
            {
                return;
            }

            if (demo.HasExited || Clock.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException("The demo's services did not report to the console; see the demo output above.");
            }

            await beat.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Waits (as sagas are audited) for a running saga past its first step with a pending timeout.</summary>
    public async Task<string?> WaitForRunningSaga(TimeSpan within)
    {
        var deadline = Clock.GetUtcNow() + within;
        while (Clock.GetUtcNow() < deadline)
        {
            var audited = Changes.WaitFor(c => c.Kind == "SagaAudited");
            if (await RunningSagaWithTimeout() is { } id)
            {
                return id;
            }

            try
            {
                await audited.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                // Nothing new audited: look once more, then give up at the deadline.
            }
        }

        return null;
    }

    private async Task<string?> RunningSagaWithTimeout()
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/sagas?completed=false&pageSize=200");
        return page.GetProperty("items").EnumerateArray()
            .Where(s => s.GetProperty("pendingTimeouts").GetInt32() > 0 && s.GetProperty("state").GetString() is "Paid" or "Accepted")
            .Select(s => s.GetProperty("sagaId").GetString())
            .FirstOrDefault();
    }

    /// <summary>A cancelled order that was charged and refunded (its compensation), else any cancelled one.</summary>
    public async Task<string?> Compensated()
    {
        var page = await api.GetFromJsonAsync<JsonElement>("/api/sagas?state=Cancelled&pageSize=100");
        string? any = null;
        foreach (var saga in page.GetProperty("items").EnumerateArray())
        {
            var id = saga.GetProperty("sagaId").GetString()!;
            any ??= id;
            var detail = await api.GetFromJsonAsync<JsonElement>("/api/sagas/" + id);
            if (detail.GetProperty("timeline").EnumerateArray().Any(r => r.GetProperty("incoming").GetProperty("messageType").GetString()!.EndsWith(".PaymentRefunded", StringComparison.Ordinal)))
            {
                return id;
            }
        }

        return any;
    }

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
