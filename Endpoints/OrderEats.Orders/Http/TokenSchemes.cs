using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrderEats.Orders.Http;

// The two bearer schemes and how a request is sent to one of them. A token whose audience is the staff audience goes to the staff scheme,
// every other token to the customer scheme; each validates issuer, audience, lifetime and a pinned algorithm, and builds the caller from
// scratch: a customer principal holds only the customer id, whatever else the token claims.
internal static class TokenSchemes
{
    public const string Customer = "CustomerBearer";
    public const string Staff = "StaffBearer";

    public static AuthenticationBuilder Add(AuthenticationBuilder builder, OrdersAuthOptions auth)
    {
        builder.AddJwtBearer(Customer, o => Configure(o, auth.Issuer, auth.Audience, auth.SigningKey, auth.Authority, auth.AcceptedAlgorithms, CustomerPrincipal));
        if (auth.Staff.IsConfigured)
        {
            var staff = auth.Staff;
            builder.AddJwtBearer(Staff, o => Configure(o, staff.Issuer!, staff.Audience!, staff.SigningKey, staff.Authority, staff.AcceptedAlgorithms, StaffPrincipal));
        }

        return builder;
    }

    public static string Select(HttpContext context, OrdersAuthOptions auth)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header))
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        if (auth.Staff.IsConfigured && Audiences(context.Request.Headers.Authorization.ToString()).Contains(auth.Staff.Audience!, StringComparer.Ordinal))
        {
            return Staff;
        }

        return Customer;
    }

    private static void Configure(
        JwtBearerOptions options, string issuer, string audience, string? signingKey, string? authority, IReadOnlyList<string> algorithms, Func<ClaimsPrincipal, string, ClaimsPrincipal?> principal)
    {
        options.MapInboundClaims = false;
        options.Authority = authority;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidAlgorithms = algorithms,
            // Without a key or an authority no token validates (a random key nobody has): the API then accepts API keys only.
            IssuerSigningKey = signingKey is not null ? OrdersAuthOptions.Key(signingKey)
                : authority is null ? new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) : null,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            NameClaimType = Caller.Subject,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var subject = context.Principal?.FindFirst(Caller.Subject)?.Value;
                if (string.IsNullOrWhiteSpace(subject) || principal(context.Principal!, subject) is not { } caller)
                {
                    context.Fail("The token has no usable subject ('sub').");
                    return Task.CompletedTask;
                }

                context.Principal = caller;
                return Task.CompletedTask;
            },
        };
    }

    private static ClaimsPrincipal? CustomerPrincipal(ClaimsPrincipal token, string subject) =>
        Guid.TryParse(subject, out _) ? Build(Customer, subject, Caller.CustomerRole) : null;

    private static ClaimsPrincipal StaffPrincipal(ClaimsPrincipal token, string subject) => Build(Staff, "staff:" + subject, Caller.BackOfficeRole);

    private static ClaimsPrincipal Build(string scheme, string subject, string role) =>
        new(new ClaimsIdentity([new Claim(Caller.Subject, subject), new Claim(ClaimTypes.Role, role)], scheme, Caller.Subject, ClaimTypes.Role));

    private static IEnumerable<string> Audiences(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        try
        {
            // Unvalidated read: only picks the scheme, which then validates everything.
            return new JsonWebToken(authorization[prefix.Length..].Trim()).Audiences;
        }
        catch (ArgumentException)
        {
            return [];
        }
    }
}
