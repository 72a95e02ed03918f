using Microsoft.AspNetCore.Http;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>The endpoints page: every instance with its heartbeat status, its metrics over 1/5/15/60 minutes, and small charts of the last hour.</summary>
internal static class EndpointPages
{
    public static IResult List(EndpointRegistry registry, MonitoringOptions options) =>
        View.Of<EndpointListView>(new { Instances = registry.Instances(), Grace = options.HeartbeatGrace });
}
