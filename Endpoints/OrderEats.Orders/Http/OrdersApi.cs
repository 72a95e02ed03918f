using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Orders.Placement;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Http;

// POST /orders, GET /orders/{id}, POST /orders/{id}/cancel.
internal static class OrdersApi
{
    private const int MaxReasonLength = 500;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/orders", async (HttpRequest request, OrderPlacement placement) =>
        {
            var (body, problem) = await RequestBody.Read<PlaceOrderRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (!Caller.MayActFor(request.HttpContext.User, body!.CustomerId))
            {
                return Problems.Forbidden($"The token is for customer '{Caller.Id(request.HttpContext.User)}' but the order is for customer '{body.CustomerId}'; a customer may only place their own orders.");
            }

            var result = await placement.Place(body!, request.HttpContext.RequestAborted);
            return result.Outcome switch
            {
                PlaceOrderOutcome.Accepted => Results.Accepted($"/orders/{result.Order!.OrderId}", result.Order),
                PlaceOrderOutcome.Conflict => Problems.Conflict("The order id is taken by a different order.", result.Detail!),
                _ => Problems.Invalid(result.Errors),
            };
        }).AddEndpointFilter<Admission.AdmissionFilter>();

        // Another customer's order answers exactly like one that does not exist: a customer cannot learn which order ids are taken.
        routes.MapGet("/orders/{id}", async (string id, OrdersReadModel orders, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            Guid.TryParse(id, out var guid) && await orders.Get(guid, cancellationToken) is { } order && Caller.MayActFor(user, order.CustomerId)
                ? Results.Ok(order)
                : Problems.NotFound("Order", id));

        routes.MapPost("/orders/{id}/cancel", async (string id, HttpRequest request, OrderPlacement placement, OrdersReadModel orders) =>
        {
            if (!Guid.TryParse(id, out var orderId))
            {
                return Problems.NotFound("Order", id);
            }

            if (!Caller.IsBackOffice(request.HttpContext.User))
            {
                var owned = await orders.Get(orderId, request.HttpContext.RequestAborted);
                if (owned is null || !Caller.MayActFor(request.HttpContext.User, owned.CustomerId))
                {
                    return Problems.NotFound("Order", id);
                }
            }

            var (body, problem) = await RequestBody.Read<CancelOrderRequest>(request, optional: true);
            if (problem is not null)
            {
                return problem;
            }

            if (body?.Reason is { Length: > MaxReasonLength } reason)
            {
                return Problems.Invalid(new Dictionary<string, string[]>
                {
                    ["reason"] = [$"The reason is {reason.Length} characters long; at most {MaxReasonLength} are allowed."],
                });
            }

            var result = await placement.Cancel(orderId, body?.Reason, request.HttpContext.RequestAborted);
            return result.Outcome switch
            {
                CancelOutcome.Accepted => Results.Accepted($"/orders/{orderId}", new { orderId, status = result.Status, cancellation = "requested" }),
                CancelOutcome.NotFound => Problems.NotFound("Order", id),
                _ => Problems.Conflict("The order can no longer be cancelled.", result.Detail!),
            };
        });
    }
}
