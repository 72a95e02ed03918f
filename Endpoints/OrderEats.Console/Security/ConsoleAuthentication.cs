using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OrderEats.Console.Security;

// The console's sign-in: an HttpOnly, SameSite=Strict session cookie with a sliding idle timeout, re-validated on every request
// (SessionValidator); API calls get 401/403 instead of the login redirect. Readers and operators are the two policies.
internal static class ConsoleAuthentication
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(ConsoleAuth.Scheme).AddCookie(ConsoleAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = "OrderEats.Console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            // Secure whenever the request is HTTPS, including behind a TLS proxy listed in Console:TrustedProxies (X-Forwarded-Proto).
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = ConsoleAuth.IdleTimeout;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SessionValidator.Validate,
                OnRedirectToLogin = context => ApiAware(context, Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => ApiAware(context, Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleAuth.Readers, policy => policy.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(nameof(ConsoleRole.Reader), nameof(ConsoleRole.Operator)))
            .AddPolicy(ConsoleAuth.Operators, policy => policy.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireRole(nameof(ConsoleRole.Operator)));
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
