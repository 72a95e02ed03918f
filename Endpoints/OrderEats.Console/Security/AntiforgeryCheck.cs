using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Web.Pages;

namespace OrderEats.Console.Security;

/// <summary>
/// Validates the antiforgery token of a form post when the endpoint runs, after authentication, whatever middleware order the host chose
/// (the console shares a process with other APIs). A missing or stale token answers 400 with a page that says to reload.
/// </summary>
internal sealed class AntiforgeryCheck : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return await Validate(context.HttpContext) ?? await next(context);
    }

    /// <summary>Null when the request carries a valid token; else the 400 page.</summary>
    public static async Task<IResult?> Validate(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return View.Message(
                "Form expired", "The form was missing its antiforgery token or it no longer matches your session. Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest);
        }
    }
}
