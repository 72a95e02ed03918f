using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace OrderEats.Orders.Http;

// Answers 401 and 403 with problem details that say what to send, instead of the handlers' empty bodies.
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Only the API's own policies answer with problem details; others (the console's cookie pages in the all-in-one host) keep their behaviour.
        if (!policy.AuthenticationSchemes.Contains(OrdersEdge.SelectorScheme))
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            var presented = context.Request.Headers.Authorization.Count > 0 || context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header);
            context.Response.Headers.WWWAuthenticate = $"Bearer, {ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.Header}\"";
            await Problems.Unauthorized(presented
                    ? "The credentials were rejected: the bearer token is invalid, expired or signed with an algorithm this API does not accept, or the API key is unknown. Get a new token or check the key."
                    : $"Send a customer token as 'Authorization: Bearer <token>' or a back-office key as '{ApiKeyAuthenticationHandler.Header}: <key>'.")
                .ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await Problems.Forbidden("This operation is for the back office (an API key or a staff token); customer tokens may not call it.").ExecuteAsync(context);
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
