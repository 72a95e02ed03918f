using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrderEats.Kitchen.Api;

// Authenticates kitchen staff by the X-Kitchen-Key header; the principal carries the key's name and its one restaurant.
internal sealed class StaffKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, StaffKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(KitchenStaff.Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(values.ToString()) is not { } staff)
        {
            Logger.LogWarning("Rejected an unknown kitchen key from {RemoteIp}", Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("The kitchen key is not known."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(KitchenStaff.NameClaim, staff.Name), new Claim(KitchenStaff.RestaurantClaim, staff.RestaurantId.ToString())],
            KitchenStaff.Scheme, KitchenStaff.NameClaim, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), KitchenStaff.Scheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = Request.Headers.ContainsKey(KitchenStaff.Header);
        Response.Headers.WWWAuthenticate = $"{KitchenStaff.Scheme} header=\"{KitchenStaff.Header}\"";
        return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Authentication required.",
                detail: presented
                    ? "The kitchen key is not known. Ask the back office for your restaurant's key."
                    : $"Send your restaurant's kitchen staff key as '{KitchenStaff.Header}: <key>'.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: "This kitchen key may not do this.").ExecuteAsync(Context);
}
