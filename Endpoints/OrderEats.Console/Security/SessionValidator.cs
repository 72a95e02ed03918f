using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.Console.Security;

/// <summary>
/// Checks the session cookie on every request against the server's view: the user still exists with the same role and password, their
/// security stamp has not changed (logout changes it), and the session is younger than <see cref="ConsoleAuth.AbsoluteLifetime"/>.
/// Anything else ends the session, so logout, removal and demotion take effect on the next request.
/// </summary>
internal static class SessionValidator
{
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        var user = services.GetRequiredService<UserDirectory>().Find(principal?.Identity?.Name);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var valid = user is not null
            && principal is not null && principal.FindFirstValue(ClaimTypes.Role) == user.Role.ToString()
            && principal.FindFirstValue(ConsoleAuth.PasswordClaim) == PasswordHash.Fingerprint(user.PasswordHash)
            && long.TryParse(principal.FindFirstValue(ConsoleAuth.IssuedClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            && now - DateTimeOffset.FromUnixTimeMilliseconds(issued) < ConsoleAuth.AbsoluteLifetime
            && principal.FindFirstValue(ConsoleAuth.StampClaim) == await services.GetRequiredService<UserStore>().Stamp(user.Name, context.HttpContext.RequestAborted);
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        }
    }

    public static ClaimsPrincipal Principal(ConsoleUser user, string stamp, DateTimeOffset now) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(ConsoleAuth.StampClaim, stamp),
            new Claim(ConsoleAuth.PasswordClaim, PasswordHash.Fingerprint(user.PasswordHash)),
            new Claim(ConsoleAuth.IssuedClaim, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ],
        ConsoleAuth.Scheme));
}
