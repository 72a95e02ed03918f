using Microsoft.AspNetCore.Http;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>The event log page.</summary>
internal static class EventPages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries) =>
        View.Of<EventListView>(new { Events = await queries.Events(300, null, context.RequestAborted) });
}
