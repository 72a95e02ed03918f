using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Security;

namespace OrderEats.Console.Web.Pages;

/// <summary>Maps the server-rendered pages; anonymous visitors are sent to /login, Readers get 403 on actions.</summary>
internal static class PageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Readers);
        read.MapGet("/", DashboardPage.Render);
        read.MapGet("/failures", FailurePages.List);
        read.MapGet("/failures/{id}", FailurePages.Detail);
        read.MapGet("/groups", GroupPages.List);
        read.MapGet("/groups/{id}", GroupPages.Detail);
        read.MapGet("/events", EventPages.List);

        var operate = routes.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Operators).DisableAntiforgery();
        operate.MapPost("/failures/retry", PageActions.RetrySelected);
        operate.MapPost("/failures/retry-all", PageActions.RetryAll);
        operate.MapPost("/groups/{id}/retry", PageActions.RetryGroup);
        operate.MapPost("/failures/{id}/{action:regex(^(retry|archive|restore|edit-retry)$)}", PageActions.One);
    }
}
