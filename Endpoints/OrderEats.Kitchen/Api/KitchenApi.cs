using Microsoft.AspNetCore.Mvc;
using OrderEats.Engine;
using OrderEats.Kitchen.Commands;
using OrderEats.Kitchen.Tickets;

namespace OrderEats.Kitchen.Api;

// The manual kitchen. Each POST checks the ticket (404, 409) and sends a command to the kitchen's own queue; the handler changes the ticket and
// sends the answer to the saga in one transaction, so an HTTP call never leaves a ticket changed without its message (or the reverse).
internal static class KitchenApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/kitchen/tickets");
        tickets.MapGet("/", List);
        tickets.MapGet("/{orderId:guid}", Get);
        tickets.MapPost("/{orderId:guid}/accept", (Guid orderId, KitchenTickets store, [FromKeyedServices(KitchenService.EndpointName)] IMessageSession session, CancellationToken cancellationToken) =>
            Request(orderId, "accept", TicketStatus.Received, new AcceptTicket(orderId), store, session, cancellationToken));
        tickets.MapPost("/{orderId:guid}/reject", (Guid orderId, RejectTicketRequest? body, KitchenTickets store, [FromKeyedServices(KitchenService.EndpointName)] IMessageSession session, CancellationToken cancellationToken) =>
            Request(orderId, "reject", TicketStatus.Received, new RejectTicket(orderId, string.IsNullOrWhiteSpace(body?.Reason) ? "Rejected by the kitchen" : body.Reason), store, session, cancellationToken));
        tickets.MapPost("/{orderId:guid}/ready", (Guid orderId, KitchenTickets store, [FromKeyedServices(KitchenService.EndpointName)] IMessageSession session, CancellationToken cancellationToken) =>
            Request(orderId, "mark ready", TicketStatus.Accepted, new MarkTicketReady(orderId), store, session, cancellationToken));
    }

    private static async Task<IResult> List(string? status, KitchenTickets store, CancellationToken cancellationToken)
    {
        var wanted = status is null ? null : TicketStatus.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
        if (status is not null && wanted is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown ticket status",
                detail: $"There is no ticket status '{status}'. Use one of: {string.Join(", ", TicketStatus.All)}, or leave status out for every ticket.");
        }

        var all = await store.ReadAll(cancellationToken);
        return Results.Ok(wanted is null ? all : all.Where(t => t.Status == wanted).ToList());
    }

    private static async Task<IResult> Get(Guid orderId, KitchenTickets store, CancellationToken cancellationToken) =>
        await store.Find(orderId, cancellationToken) is { } ticket ? Results.Ok(ticket) : UnknownTicket(orderId);

    private static async Task<IResult> Request(
        Guid orderId, string action, string requiredStatus, object command, KitchenTickets store, IMessageSession session, CancellationToken cancellationToken)
    {
        var ticket = await store.Find(orderId, cancellationToken);
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

        await session.Send(command, new SendOptions { Destination = KitchenService.EndpointName }, cancellationToken);
        return Results.Accepted($"/kitchen/tickets/{orderId}");
    }

    private static IResult UnknownTicket(Guid orderId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown ticket",
        detail: $"The kitchen has no ticket for order {orderId}. A ticket is opened when the kitchen receives PrepareOrder; GET /kitchen/tickets lists them.");
}
