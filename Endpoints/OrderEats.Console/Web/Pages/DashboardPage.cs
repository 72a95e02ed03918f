using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>The dashboard: counts by status, endpoint liveness (and degraded instances), the newest unresolved failures, the groups with unresolved failures, recent events.</summary>
internal static class DashboardPage
{
    public static async Task<IResult> Render(HttpContext context, FailureQueries queries, EndpointRegistry registry)
    {
        var cancellationToken = context.RequestAborted;
        var instances = registry.Instances();
        return View.Of<DashboardView>(new
        {
            Counts = await queries.CountByStatus(cancellationToken),
            Latest = await queries.List(new FailureFilter { Status = FailureStatus.Unresolved, PageSize = 8 }, cancellationToken),
            Groups = (await queries.Groups(GroupingKind.Exception, cancellationToken)).Where(g => g.Unresolved > 0).Take(10).ToList(),
            Events = await queries.Events(10, null, cancellationToken),
            Alive = instances.Count(i => i.Status == InstanceStatus.Alive),
            Dead = instances.Count(i => i.Status != InstanceStatus.Alive),
            Degraded = instances.Count(i => i.Status == InstanceStatus.Alive && i.Degraded),
        });
    }
}
