using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;
using OrderEats.Messages;

namespace OrderEats.Kitchen.Api;

// The manual kitchen, for staff with a key bound to one restaurant: they see and change that restaurant's tickets only (another
// restaurant's ticket answers 404, exactly like one that does not exist). Each POST checks the ticket (404, 409) and sends a command to the
// kitchen's own queue; the handler changes the ticket and sends the answer to the saga in one transaction, so an HTTP call never leaves a
// ticket changed without its message (or the reverse).
internal static class KitchenApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/kitchen/tickets").RequireAuthorization(KitchenStaff.Policy).RequireRateLimiting(KitchenStaff.RateLimitPolicy);
        tickets.MapGet("/", List);
        tickets.MapGet("/{orderId:guid}", Get);
        tickets.MapPost("/{orderId:guid}/accept", (Guid orderId, ClaimsPrincipal user, KitchenTickets store, [FromKeyedServices(EndpointNames.Kitchen)] IMessageSession session, ILogger<KitchenTicket> logger, CancellationToken cancellationToken) =>
            Request(user, orderId, "accept", TicketStatus.Received, new AcceptTicket(orderId), store, session, logger, cancellationToken));
        tickets.MapPost("/{orderId:guid}/reject", async (Guid orderId, HttpRequest request, KitchenTickets store, [FromKeyedServices(EndpointNames.Kitchen)] IMessageSession session, ILogger<KitchenTicket> logger) =>
        {
            var (body, problem) = await KitchenRequestBody.ReadReject(request);
            if (problem is not null)
            {
                return problem;
            }

            var reason = string.IsNullOrWhiteSpace(body?.Reason) ? "Rejected by the kitchen" : body.Reason;
            return await Request(request.HttpContext.User, orderId, "reject", TicketStatus.Received, new RejectTicket(orderId, reason), store, session, logger, request.HttpContext.RequestAborted);
        });
        tickets.MapPost("/{orderId:guid}/ready", (Guid orderId, ClaimsPrincipal user, KitchenTickets store, [FromKeyedServices(EndpointNames.Kitchen)] IMessageSession session, ILogger<KitchenTicket> logger, CancellationToken cancellationToken) =>
            Request(user, orderId, "mark ready", TicketStatus.Accepted, new MarkTicketReady(orderId), store, session, logger, cancellationToken));
    }

    private static async Task<IResult> List(string? status, ClaimsPrincipal user, KitchenTickets store, CancellationToken cancellationToken)
    {
        var wanted = status is null ? null : TicketStatus.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        if (status is not null && wanted is null)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["status"] = [$"There is no ticket status '{(status.Length > 40 ? status[..40] + "…" : status)}'. Use one of: {string.Join(", ", TicketStatus.All)}, or leave status out for every ticket."] },
                title: "Unknown ticket status");
        }

        var mine = await store.ReadAll(KitchenStaff.RestaurantOf(user), cancellationToken);
        return Results.Ok(wanted is null ? mine : mine.Where(t => t.Status == wanted).ToList());
    }

    private static async Task<IResult> Get(Guid orderId, ClaimsPrincipal user, KitchenTickets store, CancellationToken cancellationToken) =>
        await Mine(user, orderId, store, cancellationToken) is { } ticket ? Results.Ok(ticket) : UnknownTicket(orderId);

    private static async Task<KitchenTicket?> Mine(ClaimsPrincipal user, Guid orderId, KitchenTickets store, CancellationToken cancellationToken) =>
        await store.Find(orderId, cancellationToken) is { } ticket && ticket.RestaurantId == KitchenStaff.RestaurantOf(user) ? ticket : null;

    private static async Task<IResult> Request(
        ClaimsPrincipal user, Guid orderId, string action, string requiredStatus, object command, KitchenTickets store, IMessageSession session, ILogger logger, CancellationToken cancellationToken)
    {
        var ticket = await Mine(user, orderId, store, cancellationToken);
        if (ticket is null)
        {
            return UnknownTicket(orderId);
        }

        if (ticket.Status != requiredStatus)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Ticket is in the wrong state",
                detail: $"Cannot {action} the ticket of order {orderId}: it is {ticket.Status}, and {action} needs it {requiredStatus}.");
        }

        await session.Send(command, new SendOptions { Destination = EndpointNames.Kitchen }, cancellationToken);
        logger.LogInformation("Kitchen staff {Staff} of restaurant {RestaurantId} asked to {Action} the ticket of order {OrderId}", KitchenStaff.NameOf(user), ticket.RestaurantId, action, orderId);
        return Results.Accepted($"/kitchen/tickets/{orderId}");
    }

    private static IResult UnknownTicket(Guid orderId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown ticket",
        detail: $"Your restaurant's kitchen has no ticket for order {orderId}. A ticket is opened when the kitchen receives PrepareOrder; GET /kitchen/tickets lists yours.");
}
