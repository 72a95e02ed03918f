using System.Net;
using System.Text.RegularExpressions;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Security.Tests.Routes;

// Default deny in every process: each route of the endpoint data source is protected (an anonymous caller fails its policy, the fallback
// policy included) unless it is on the process's explicit anonymous list; and an anonymous request to each protected route is refused.
[TestFixtureSource(typeof(ProcessUnderTest), nameof(ProcessUnderTest.All))]
public partial class When_every_route_of_a_process_is_listed(ProcessUnderTest process)
{
    private IAsyncDisposable running = null!;
    private IServiceProvider services = null!;
    private Func<HttpClient> client = null!;
    private IReadOnlyList<RouteAccess> routes = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        running = process.Start(out services, out client);
        routes = await RouteSecurity.Describe(services);
        var anonymous = routes.Count(r => r.Anonymous);
        await TestContext.Progress.WriteLineAsync(
            $"{process}: {routes.Count} routes, {routes.Count - anonymous} protected, {anonymous} anonymous ({string.Join(", ", routes.Where(r => r.Anonymous).Select(r => r.Key))}))");
    }

    [OneTimeTearDown]
    public async Task Stop() => await running.DisposeAsync();

    [Test]
    public void Should_let_anonymous_callers_reach_only_the_listed_routes()
    {
        Assert.That(routes.Where(r => r.Anonymous).Select(r => r.Key), Is.EquivalentTo(process.AnonymousRoutes));
    }

    [Test]
    public async Task Should_refuse_an_anonymous_request_to_every_other_route()
    {
        using var http = client();
        var answers = new List<string>();
        foreach (var route in routes.Where(r => !r.Anonymous))
        {
            var method = route.Methods.Count == 0 ? HttpMethod.Get : new HttpMethod(route.Methods[0]);
            using var request = new HttpRequestMessage(method, new Uri(Parameter().Replace(route.Route, Guid.NewGuid().ToString()), UriKind.Relative));
            using var response = await http.SendAsync(request);
            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/login", StringComparison.Ordinal) == true);
            if (!refused)
            {
                answers.Add($"{route.Key} answered {(int)response.StatusCode}");
            }
        }

        Assert.That(answers, Is.Empty);
    }

    [Test]
    public async Task Should_answer_the_health_probes_without_credentials()
    {
        using var http = client();
        var paths = new[] { "/health/live", "/health/ready" };
        var answers = new List<HttpStatusCode>();
        foreach (var path in paths)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            answers.Add(response.StatusCode);
        }

        Assert.That(answers, Has.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Should_refuse_an_unknown_path_to_an_anonymous_caller()
    {
        using var http = client();

        using var response = await http.GetAsync(new Uri("/no-such-route/" + Guid.NewGuid(), UriKind.Relative));

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
