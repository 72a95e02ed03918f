using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Put on <c>POST /orders</c>: asks <see cref="AdmissionGate"/> before the request is handled and answers 503 with Retry-After and a problem
/// body when the workflow cannot take the order in time; an order the handler did not accept (400, 409, an error) is given back to the gate.
/// </summary>
internal sealed class AdmissionFilter(AdmissionGate gate, ILogger<AdmissionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // The order id is in the body, which the handler reads: the gate holds a ticket until the handler says which order it accepted.
        var ticket = Guid.NewGuid();
        if (gate.TryAdmit(ticket) is { } refusal)
        {
            var seconds = (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds);
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            logger.LogDebug("Refused an order: {Reason}; retry after {RetryAfterSeconds} s", refusal.Reason, seconds);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The order workflow is at capacity; try again later.",
                detail: refusal.Reason + $" Nothing was stored; place the order again after {seconds} s (see the Retry-After header).");
        }

        object? result = null;
        try
        {
            result = await next(context);
            return result;
        }
        finally
        {
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status202Accepted } && OrderId(result) is { } orderId)
            {
                gate.Confirm(ticket, orderId);
            }
            else
            {
                gate.Withdraw(ticket);
            }
        }
    }

    private static Guid? OrderId(object result) => result is IValueHttpResult { Value: { } value }
        ? value.GetType().GetProperty("OrderId")?.GetValue(value) as Guid?
        : null;
}
