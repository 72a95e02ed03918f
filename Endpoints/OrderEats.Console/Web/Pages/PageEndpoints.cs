using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Security;

namespace OrderEats.Console.Web.Pages;

/// <summary>Maps the server-rendered pages; anonymous visitors are sent to /login, Readers get 403 on actions; every form post needs its antiforgery token.</summary>
internal static class PageEndpoints
{
    public static void Map(RouteGroupBuilder pages)
    {
        var read = pages.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Readers);
        read.MapGet("/", DashboardPage.Render);
        read.MapGet("/failures", FailurePages.List);
        read.MapGet("/failures/{id}", FailurePages.Detail);
        read.MapGet("/failures/{id}/body", FailurePages.Body);
        read.MapGet("/groups", GroupPages.List);
        read.MapGet("/groups/{id}", GroupPages.Detail);
        read.MapGet("/events", EventPages.List);

        var operate = pages.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Operators).AddEndpointFilter<AntiforgeryCheck>();
        operate.MapPost("/failures/{action:regex(^(retry|archive|restore)$)}", (string action, HttpContext context, Retries.RetryService retries, Storage.FailureCommands commands) =>
            PageActions.Selected(action, context, retries, commands));
        operate.MapPost("/failures/retry-all", PageActions.RetryAll);
        operate.MapPost("/groups/{id}/{action:regex(^(retry|archive|restore)$)}", PageActions.Group);
        operate.MapPost("/failures/{id}/{action:regex(^(retry|archive|restore|edit-retry)$)}", PageActions.One);
    }
}
