using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Security;
using OrderEats.Console.Web.Pages;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web;

/// <summary>Cookie login and logout, as a form (/login) and as JSON (/api/login); both throttled, with bodies of at most 4 KiB.</summary>
internal static class LoginEndpoints
{
    private const string Refused = "Unknown user or wrong password.";

    public static void Map(RouteGroupBuilder pages, RouteGroupBuilder api)
    {
        // The login and logout routes are the console's only anonymous ones besides its static assets (the fallback policy guards the rest).
        pages.MapGet("/login", (HttpContext context) => MalformedReturnUrl(context.Request.Query["returnUrl"].ToString())
            ?? View.Of<LoginView>(new { ReturnUrl = context.Request.Query["returnUrl"].ToString() })).AllowAnonymous();
        pages.MapPost("/login", async (HttpContext context, LoginService logins, TimeProvider time) =>
        {
            if (await LimitedBody.Read(context, LimitedBody.LoginLimit) is null)
            {
                return LimitedBody.TooLarge();
            }

            if (!context.Request.HasFormContentType)
            {
                return View.Message("Log in", "Send the login form (application/x-www-form-urlencoded).", StatusCodes.Status415UnsupportedMediaType);
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = form["returnUrl"].ToString();
            if (MalformedReturnUrl(returnUrl) is { } malformed)
            {
                return malformed;
            }

            if (await AntiforgeryCheck.Validate(context) is { } invalid)
            {
                return invalid;
            }

            var name = form["name"].ToString();
            var result = await logins.Login(name, form["password"].ToString(), Address(context), context.RequestAborted);
            // The form answers with the login page again and says why (the JSON API answers 401 and 429).
            if (result.Throttled)
            {
                context.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return View.Of<LoginView>(new { ReturnUrl = returnUrl, Name = name, Error = Wait(result.RetryAfter) });
            }

            if (!result.Succeeded)
            {
                return View.Of<LoginView>(new { ReturnUrl = returnUrl, Name = name, Error = Refused });
            }

            await context.SignInAsync(ConsoleAuth.Scheme, SessionValidator.Principal(result.User!, result.Stamp!, time.GetUtcNow()));
            return Results.LocalRedirect(View.LocalOr(returnUrl, context.Request.PathBase + "/"));
        }).AllowAnonymous();
        pages.MapPost("/logout", async (HttpContext context, UserStore users) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                if (await AntiforgeryCheck.Validate(context) is { } invalid)
                {
                    return invalid;
                }

                await users.Rotate(name, context.RequestAborted);
            }

            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.LocalRedirect(context.Request.PathBase + "/login");
        }).AllowAnonymous();
        pages.MapGet("/forbidden", () => View.Message(
            "Not allowed", "Your role may read but not change failures, retries or timeouts. Ask for the Operator role.", StatusCodes.Status403Forbidden)).AllowAnonymous();

        api.MapPost("/login", async (HttpContext context, LoginService logins, TimeProvider time) =>
        {
            var body = await LimitedBody.Read(context, LimitedBody.LoginLimit);
            if (body is null)
            {
                return LimitedBody.TooLarge();
            }

            LoginRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<LoginRequest>(body, ConsoleJson.Options);
            }
            catch (JsonException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is not JSON; send {\"name\": \"...\", \"password\": \"...\"}."] });
            }

            if (string.IsNullOrWhiteSpace(request?.Name) || request.Password is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [string.IsNullOrWhiteSpace(request?.Name) ? "name" : "password"] = ["Required."] });
            }

            var result = await logins.Login(request.Name, request.Password, Address(context), context.RequestAborted);
            if (result.Throttled)
            {
                context.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return Results.Problem(Wait(result.RetryAfter), statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed logins");
            }

            if (!result.Succeeded)
            {
                return Results.Problem(Refused, statusCode: StatusCodes.Status401Unauthorized, title: "Login failed");
            }

            await context.SignInAsync(ConsoleAuth.Scheme, SessionValidator.Principal(result.User!, result.Stamp!, time.GetUtcNow()));
            return Results.NoContent();
        }).AllowAnonymous();
        api.MapPost("/logout", async (HttpContext context, UserStore users) =>
        {
            if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
            {
                await users.Rotate(name, context.RequestAborted);
            }

            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.NoContent();
        }).AllowAnonymous();
    }

    // A control character (tab, CR, LF) makes ASP.NET Core's local-redirect check throw: answer 400 naming the field instead of a 500.
    private static IResult? MalformedReturnUrl(string returnUrl) => returnUrl.Any(char.IsControl)
        ? Results.ValidationProblem(
            new Dictionary<string, string[]> { ["returnUrl"] = ["The return URL contains a control character (tab, CR or LF); give a local path such as /failures."] },
            title: "The request is invalid.")
        : null;

    private static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private static string Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Wait(TimeSpan wait) =>
        $"Too many failed logins for this name or from this address. Try again in {Seconds(wait)} s" +
        (wait > TimeSpan.FromMinutes(1) ? $" (locked for up to {LoginThrottle.Lockout.TotalMinutes:0} minutes after repeated failures)." : ".");
}
