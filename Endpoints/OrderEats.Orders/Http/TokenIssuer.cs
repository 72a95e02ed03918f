using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderEats.Orders.Http;

// Signs customer tokens with the configured key: what an identity provider does in production, done here for Development and tests.
internal sealed class TokenIssuer(OrdersAuthOptions options, TimeProvider time)
{
    public (string Token, DateTimeOffset Expires) Issue(Guid customerId, TimeSpan? lifetime = null)
    {
        var signingKey = options.SigningKey
            ?? throw new InvalidOperationException($"{OrdersAuthOptions.Section}:SigningKey is not set, so no token can be issued. Set it (at least 32 bytes) in appsettings.Development.json or user secrets.");
        var now = time.GetUtcNow();
        var expires = now + (lifetime ?? options.DevTokenLifetime);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(Caller.Subject, customerId.ToString()), new Claim("role", Caller.CustomerRole)]),
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(OrdersAuthOptions.Key(signingKey), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
