using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.Console.Tests.Bugs;

// Issue 17, defect 6: docs/console-api.md was "part 2" and pointed to a "part 1" that did not exist; the failed-message API was undocumented.
[TestFixture]
public class When_reading_the_api_documentation
{
    [Test]
    public async Task Should_find_every_api_route_of_the_console_documented()
    {
        await using var harness = await ConsoleHarness.Start();
        var docs = await File.ReadAllTextAsync(Path.Combine(TestInfrastructure.RepositoryRoot.Find(), "docs", "console-api.md"));
        var routes = harness.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"`{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(routes, Has.Count.GreaterThan(20));
            Assert.That(routes.Where(r => !docs.Contains(r, StringComparison.Ordinal)), Is.Empty, "routes missing from docs/console-api.md");
            Assert.That(docs, Does.Not.Contain("part 1").And.Not.Contain("part 2"));
        });
    }
}
