using System.Text.Json;

namespace OrderEats.Kitchen.Api;

// POST /dev/kitchen-key {restaurantId}: a staff key for one restaurant, valid until the process stops. Mapped only with Development access
// (the Development environment on loopback), like the customers' POST /dev/token.
internal static class DevKitchenKeyApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/dev/kitchen-key", async (HttpRequest request, StaffKeys keys) =>
        {
            DevKitchenKeyRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<DevKitchenKeyRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                body = null;
            }

            if (body is null || body.RestaurantId == Guid.Empty)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["restaurantId"] = ["Give the id of the restaurant the key is for (POST /restaurants creates one): {\"restaurantId\": \"...\"}."],
                });
            }

            var key = keys.Issue(body.RestaurantId);
            return Results.Ok(new { key, header = KitchenStaff.Header, restaurantId = body.RestaurantId });
        })
        .AllowAnonymous()
        .RequireRateLimiting(KitchenStaff.RateLimitPolicy);
    }
}
