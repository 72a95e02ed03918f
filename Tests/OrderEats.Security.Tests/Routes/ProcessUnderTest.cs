extern alias HostApp;

using Microsoft.AspNetCore.Mvc.Testing;
using OrderEats.Console;
using OrderEats.Kitchen;
using OrderEats.Notifications;
using OrderEats.Orders;
using OrderEats.Payments.Gateway;

namespace OrderEats.Security.Tests.Routes;

/// <summary>
/// An OrderEats process, the settings it needs to start in an environment, and the routes it explicitly lets anonymous callers reach. The
/// list is the contract: a route that becomes anonymous without being added here fails the route test.
/// </summary>
public sealed record ProcessUnderTest(string Name, string Environment, IReadOnlyList<string> AnonymousRoutes)
{
    public const string BackOfficeKey = "security-tests-backoffice-key";
    public const string ConsolePassword = "security-tests-console-pw";

    public static readonly IReadOnlyDictionary<string, string?> Credentials = new Dictionary<string, string?>
    {
        ["Orders:Auth:SigningKey"] = "security-tests-signing-key-0123456789-abcdefghijklmn",
        ["Orders:Auth:ApiKeys:0:Name"] = "security-tests",
        ["Orders:Auth:ApiKeys:0:Sha256"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BackOfficeKey))),
        ["Console:Users:0:Name"] = "ops",
        ["Console:Users:0:PasswordHash"] = ConsolePasswordHash.Create(ConsolePassword),
        ["Console:Users:0:Role"] = "Operator",
    };

    public static IEnumerable<ProcessUnderTest> All() =>
    [
        new("Orders", "Production", ["GET /health/live", "GET /health/ready"]),
        new("Orders", "Development", ["GET /health/live", "GET /health/ready", "POST /dev/token"]),
        new("Payments", "Production", ["GET /health/live", "GET /health/ready"]),
        new("Kitchen", "Production", ["GET /health/live", "GET /health/ready"]),
        new("Kitchen", "Development", ["GET /health/live", "GET /health/ready", "POST /dev/kitchen-key"]),
        new("Notifications", "Production", ["GET /health/live", "GET /health/ready"]),
        new("Console", "Production", ["GET /health/live", "GET /health/ready", "GET /login", "POST /login", "POST /logout", "GET /forbidden", "POST /api/login", "POST /api/logout", "GET /assets/{name}"]),
        new("Console", "Development", ["GET /health/live", "GET /health/ready", "GET /login", "POST /login", "POST /logout", "GET /forbidden", "POST /api/login", "POST /api/logout", "GET /assets/{name}"]),
        new("Host", "Production", ["GET /health/live", "GET /health/ready", "GET /login", "POST /login", "POST /logout", "GET /forbidden", "POST /api/login", "POST /api/logout", "GET /assets/{name}"]),
        new("Host", "Development", ["GET /health/live", "GET /health/ready", "GET /login", "POST /login", "POST /logout", "GET /forbidden", "POST /api/login", "POST /api/logout", "GET /assets/{name}", "POST /dev/token", "POST /dev/kitchen-key"]),
    ];

    /// <summary>Starts the process with <see cref="Credentials"/> (Development adds nothing: it uses the committed Development values where it has them).</summary>
    public IAsyncDisposable Start(out IServiceProvider services, out Func<HttpClient> client)
    {
        var settings = Environment == "Development" ? new Dictionary<string, string?>() : Credentials;
        return Name switch
        {
            "Orders" => Start(new ProcessFactory<OrdersOptions>(Environment, settings), out services, out client),
            "Payments" => Start(new ProcessFactory<PaymentGatewayOptions>(Environment, settings), out services, out client),
            "Kitchen" => Start(new ProcessFactory<KitchenOptions>(Environment, settings), out services, out client),
            "Notifications" => Start(new ProcessFactory<NotificationsOptions>(Environment, settings), out services, out client),
            "Console" => Start(new ProcessFactory<ConsoleOptions>(Environment, settings), out services, out client),
            "Host" => Start(new ProcessFactory<HostApp::Program>(Environment, settings), out services, out client),
            _ => throw new ArgumentException($"Unknown process {Name}."),
        };
    }

    public override string ToString() => $"{Name} ({Environment})";

    private static ProcessFactory<T> Start<T>(ProcessFactory<T> factory, out IServiceProvider services, out Func<HttpClient> client)
        where T : class
    {
        services = factory.Services;
        client = () => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return factory;
    }
}
