using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderEats.Orders.Http;

// Authenticates back-office integrations by the X-Api-Key header. Keys are compared by SHA-256 in constant time, so neither the key nor
// how much of it matched leaks through timing.
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, OrdersAuthOptions auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private readonly (string Name, byte[] Hash)[] keys = [.. auth.ApiKeys.Select(k => (k.Name, k.Hash()))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        string? name = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key.Hash))
            {
                name = key.Name;
            }
        }

        if (name is null)
        {
            Logger.LogWarning("Rejected an unknown API key from {RemoteIp}", Context.Connection.RemoteIpAddress);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var identity = new ClaimsIdentity([new Claim(Caller.Subject, name), new Claim(ClaimTypes.Role, Caller.BackOfficeRole)], SchemeName, Caller.Subject, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
