using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderEats.TestInfrastructure;

/// <summary>
/// The four OrderEats services as separate OS processes (N instances each, competing consumers) on one broker and one PostgreSQL server, with the
/// Orders HTTP API of every Orders instance for placing orders. Used by the benchmarks (order-saga) and the chaos run.
/// </summary>
public sealed class ServiceCluster : IAsyncDisposable
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>The services, in start order.</summary>
    public static readonly IReadOnlyList<string> Services = ["Orders", "Payments", "Kitchen", "Notifications"];

    private const int MaxStartupCrashes = 5;
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(120);
    private int startupCrashes;
    private readonly List<(ServiceProcess Process, string BaseUrl)> processes = [];
    // The cluster places orders as a back-office caller (the Orders API requires credentials).
    private const string ApiKey = "service-cluster-key";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", ApiKey } } };

    private ServiceCluster()
    {
    }

    /// <summary>Every process with the base URL of its HTTP listener.</summary>
    public IReadOnlyList<(ServiceProcess Process, string BaseUrl)> Processes => processes;

    /// <summary>The base URLs of the Orders instances (each serves the HTTP API).</summary>
    public IReadOnlyList<string> OrdersUrls => [.. processes.Where(p => p.Process.Name.StartsWith("orders", StringComparison.Ordinal)).Select(p => p.BaseUrl)];

    /// <summary>How many times a process died while starting and was started again.</summary>
    public int StartupCrashes => Volatile.Read(ref startupCrashes);

    /// <summary>The HTTP client the cluster uses (for placing orders).</summary>
    public HttpClient Http => http;

    /// <summary>Starts <paramref name="instances"/> processes of every service and waits until each reports healthy.</summary>
    public static async Task<ServiceCluster> Start(
        string rabbitMqUri, string postgresConnectionString, int instances, string logFolder, IReadOnlyDictionary<string, string>? settings = null,
        CancellationToken cancellationToken = default) =>
        await Start(rabbitMqUri, postgresConnectionString, instances, logFolder, settings, serviceDll: null, cancellationToken);

    /// <summary>As <see cref="Start(string, string, int, string, IReadOnlyDictionary{string, string}?, CancellationToken)"/>, running each service from <paramref name="serviceDll"/>(service) when given (e.g. a published build).</summary>
    public static async Task<ServiceCluster> Start(
        string rabbitMqUri, string postgresConnectionString, int instances, string logFolder, IReadOnlyDictionary<string, string>? settings,
        Func<string, string>? serviceDll, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(logFolder);
        var cluster = new ServiceCluster();
        try
        {
            foreach (var service in Services)
            {
                for (var i = 1; i <= instances; i++)
                {
                    var port = FreePort.Find();
                    var environment = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["ORDEREATS_RABBITMQ"] = rabbitMqUri,
                        ["ORDEREATS_POSTGRES"] = postgresConnectionString,
                        ["ORDEREATS_DATA"] = Path.Combine(logFolder, "data"),
                        ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
                        ["Orders__Auth__ApiKeys__0__Name"] = "service-cluster",
                        ["Orders__Auth__ApiKeys__0__Key"] = ApiKey,
                        ["Orders__RateLimit__PermitLimit"] = "1000000",
                        ["DOTNET_ENVIRONMENT"] = "Production",
                        ["Logging__LogLevel__Default"] = "Warning",
                        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
                    };
                    foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                    {
                        environment[key] = value;
                    }

                    var name = string.Create(CultureInfo.InvariantCulture, $"{service.ToLowerInvariant()}#{i}");
                    var process = new ServiceProcess(name, serviceDll?.Invoke(service) ?? RepositoryRoot.ServiceDll(service), environment, Path.Combine(logFolder, name.Replace('#', '-') + ".log"));
                    cluster.processes.Add((process, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
                }
            }

            // The first instance of each service creates its database and schema; the others start once it is healthy.
            foreach (var group in cluster.processes.GroupBy(p => p.Process.Name.Split('#')[0]))
            {
                var first = group.First();
                first.Process.Start();
                await cluster.WaitHealthy(first.Process, first.BaseUrl, cancellationToken);
                foreach (var other in group.Skip(1))
                {
                    other.Process.Start();
                }
            }

            await cluster.WaitAllHealthy(cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Waits until every process that runs answers <c>/health/ready</c> with 200.</summary>
    public async Task WaitAllHealthy(CancellationToken cancellationToken = default)
    {
        foreach (var (process, baseUrl) in processes)
        {
            await WaitHealthy(process, baseUrl, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="process"/> answers <c>/health/ready</c> with 200; throws when it exits or the time runs out.</summary>
    public async Task WaitHealthy(ServiceProcess process, string baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var deadline = Clock.GetUtcNow() + HealthTimeout;
        var crashes = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            if (!process.IsRunning)
            {
                // A supervisor (systemd, Kubernetes) restarts a process that dies while starting; so does this one, a few times, and counts it.
                if (++crashes > MaxStartupCrashes)
                {
                    throw new InvalidOperationException($"Service {process.Name} exited while starting {crashes} times in a row; see its log next to the run's other logs.");
                }

                Interlocked.Increment(ref startupCrashes);
                Console.Error.WriteLine($"Service {process.Name} exited while starting (see its log); restarting it.");
                process.Start();
            }

            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl + "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while the machine is busy; ask again.
            }

            if (Clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Service {process.Name} at {baseUrl} was not healthy within {HealthTimeout}.");
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>Creates restaurants and customers through the Orders API and returns what an order needs: (customer ids, restaurant id → menu item ids).</summary>
    public async Task<SeededCatalog> SeedCatalog(int restaurants, int customers, CancellationToken cancellationToken = default)
    {
        var api = OrdersUrls[0];
        var catalog = new SeededCatalog();
        for (var r = 0; r < restaurants; r++)
        {
            var menu = Enumerable.Range(0, 5).Select(i => new { name = $"Dish {i + 1}", price = 5m + i + r, currency = "EUR" }).ToArray();
            using var response = await http.PostAsJsonAsync(new Uri(api + "/restaurants"), new { name = $"Kitchen {r + 1} {Guid.NewGuid():N}", menu }, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var id = body.RootElement.GetProperty("id").GetGuid();
            catalog.Menus[id] = [.. body.RootElement.GetProperty("menu").EnumerateArray().Select(m => m.GetProperty("id").GetGuid())];
        }

        for (var c = 0; c < customers; c++)
        {
            using var response = await http.PostAsJsonAsync(new Uri(api + "/customers"), new { name = $"Customer {c + 1}", email = $"c{c + 1}-{Guid.NewGuid():N}@bench.example" }, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            catalog.Customers.Add(body.RootElement.GetProperty("id").GetGuid());
        }

        return catalog;
    }

    /// <summary>Places one order (the same request for the same id) through the API of Orders instance <paramref name="instance"/> (modulo the count); returns the HTTP status code.</summary>
    public async Task<int> PlaceOrder(Guid orderId, SeededCatalog catalog, int instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var urls = OrdersUrls;

        // Chosen from the order id, so that sending the same order again (after a failure) sends the same request: placing is idempotent per request.
#pragma warning disable CA5394 // Not security sensitive: picks a menu item.
        var random = new Random(orderId.GetHashCode());
        var restaurant = catalog.Menus.ElementAt(random.Next(catalog.Menus.Count));
        var item = restaurant.Value[random.Next(restaurant.Value.Count)];
        var request = new
        {
            orderId,
            customerId = catalog.Customers[random.Next(catalog.Customers.Count)],
            restaurantId = restaurant.Key,
            lines = new[] { new { menuItemId = item, quantity = 1 + random.Next(3) } },
        };
#pragma warning restore CA5394
        using var response = await http.PostAsJsonAsync(new Uri(urls[instance % urls.Count] + "/orders"), request, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Kills every process.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in processes)
        {
            await process.Kill();
            process.Dispose();
        }

        http.Dispose();
    }
}
