using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Security;

namespace OrderEats.Console.Web;

/// <summary>Cookie login and logout, as a form (/login) and as JSON (/api/login).</summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        // The login routes are the console's only anonymous ones (the fallback policy guards everything else).
        routes.MapGet("/login", (HttpContext context) => MalformedReturnUrl(context.Request.Query["returnUrl"].ToString())
            ?? Html.Page(context, "Log in", LoginForm(context, context.Request.Query["returnUrl"].ToString(), error: null))).AllowAnonymous();
        routes.MapPost("/login", async (HttpContext context, UserDirectory users) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            if (MalformedReturnUrl(returnUrl) is { } malformed)
            {
                return malformed;
            }

            var user = users.Authenticate(form["name"], form["password"]);
            if (user is null)
            {
                return Html.Page(context, "Log in", LoginForm(context, returnUrl, "Unknown user or wrong password."), StatusCodes.Status401Unauthorized);
            }

            await SignIn(context, user);
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : Html.Href(context, "/"));
        }).AllowAnonymous();
        routes.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.LocalRedirect(Html.Href(context, "/login"));
        });
        routes.MapGet("/forbidden", (HttpContext context) =>
            Html.Page(context, "Not allowed", "<p>Your role may read but not change failures. Ask for the Operator role.</p>", StatusCodes.Status403Forbidden));
        routes.MapPost("/api/login", async (HttpContext context, UserDirectory users) =>
        {
            LoginRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<LoginRequest>(context.Request.Body, ConsoleJson.Options, context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not JSON; send {\"name\": \"...\", \"password\": \"...\"}."] });
            }

            if (string.IsNullOrWhiteSpace(request?.Name) || request.Password is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [string.IsNullOrWhiteSpace(request?.Name) ? "name" : "password"] = ["Required."] });
            }

            var user = users.Authenticate(request.Name, request.Password);
            if (user is null)
            {
                return Results.Problem("Unknown user or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            await SignIn(context, user);
            return Results.NoContent();
        }).AllowAnonymous();
        routes.MapPost("/api/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.NoContent();
        });
    }

    private static Task SignIn(HttpContext context, ConsoleUser user)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role.ToString())], ConsoleAuth.Scheme);
        return context.SignInAsync(ConsoleAuth.Scheme, new ClaimsPrincipal(identity));
    }

    // A control character (tab, CR, LF) makes ASP.NET Core's local-redirect check throw: answer 400 naming the field instead of a 500.
    private static IResult? MalformedReturnUrl(string returnUrl) => returnUrl.Any(char.IsControl)
        ? Results.ValidationProblem(
            new Dictionary<string, string[]> { ["returnUrl"] = ["The return URL contains a control character (tab, CR or LF); give a local path such as /failures."] },
            title: "The request is invalid.")
        : null;

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string LoginForm(HttpContext context, string returnUrl, string? error) => $"""
        {(error is null ? string.Empty : $"<p class=\"error\">{Html.E(error)}</p>")}
        <form method="post" action="{Html.Href(context, "/login")}" class="login">
          <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
          <label>Name <input name="name" autocomplete="username" required autofocus></label>
          <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
          <button type="submit">Log in</button>
        </form>
        """;
}
