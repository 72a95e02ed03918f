using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Validation;

namespace OrderEats.Orders.Http;

// POST/GET /restaurants, GET /restaurants/{id}, POST /customers, GET /customers/{id}. Creating restaurants and customers is back-office work.
internal static class CatalogApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/restaurants", async (HttpRequest request, CatalogStore catalog) =>
        {
            var (body, problem) = await RequestBody.Read<CreateRestaurantRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                var restaurant = await catalog.CreateRestaurant(body!, request.HttpContext.RequestAborted);
                return Results.Created($"/restaurants/{restaurant.Id}", restaurant);
            }
            catch (RequestValidationException ex)
            {
                return Problems.Invalid(ex.Errors);
            }
        }).RequireAuthorization(Caller.BackOfficePolicy);

        routes.MapGet("/restaurants", async (CatalogStore catalog, CancellationToken cancellationToken) =>
            Results.Ok(await catalog.ListRestaurants(cancellationToken)));

        routes.MapGet("/restaurants/{id}", async (string id, CatalogStore catalog, CancellationToken cancellationToken) =>
            Guid.TryParse(id, out var guid) && await catalog.GetRestaurant(guid, cancellationToken) is { } restaurant
                ? Results.Ok(restaurant)
                : Problems.NotFound("Restaurant", id));

        routes.MapPost("/customers", async (HttpRequest request, CatalogStore catalog) =>
        {
            var (body, problem) = await RequestBody.Read<CreateCustomerRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                var customer = await catalog.CreateCustomer(body!, request.HttpContext.RequestAborted);
                return Results.Created($"/customers/{customer.Id}", customer);
            }
            catch (RequestValidationException ex)
            {
                return Problems.Invalid(ex.Errors);
            }
            catch (RequestConflictException ex)
            {
                return Problems.Conflict("The customer exists already.", ex.Message);
            }
        }).RequireAuthorization(Caller.BackOfficePolicy);

        routes.MapGet("/customers/{id}", async (string id, CatalogStore catalog, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Guid.TryParse(id, out var guid) && Caller.MayActFor(user, guid) && await catalog.GetCustomer(guid, cancellationToken) is { } customer
                ? Results.Ok(customer)
                : Problems.NotFound("Customer", id));
    }
}
