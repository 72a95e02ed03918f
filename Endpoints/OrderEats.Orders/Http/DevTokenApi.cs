using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderEats.Orders.Http;

// POST /dev/token {customerId}: a customer token for trying the API. Mapped only in the Development environment.
internal static class DevTokenApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/dev/token", async (HttpRequest request, TokenIssuer issuer) =>
        {
            var (body, problem) = await RequestBody.Read<DevTokenRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.CustomerId == Guid.Empty)
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["customerId"] = ["Give the id of the customer the token is for (POST /customers creates one)."] });
            }

            var (token, expires) = issuer.Issue(body.CustomerId);
            return Results.Ok(new { token, tokenType = "Bearer", expires, customerId = body.CustomerId });
        })
        .AllowAnonymous()
        .RequireRateLimiting(OrdersEdge.RateLimitPolicy);
    }
}
