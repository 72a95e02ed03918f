using Microsoft.Extensions.Logging;
using OrderEats.Engine;
using OrderEats.Messages.Commands;
using OrderEats.Orders.Placement;

namespace OrderEats.Orders.Handlers;

/// <summary>
/// Takes a <see cref="PlaceOrder"/> from any sender as a request: the same path as POST /orders (validated, priced from the menu, stored), in the
/// message's transaction. A valid order starts its saga with <see cref="StartOrder"/>; an invalid one is stored as Rejected with its reasons and
/// published, and is never charged. The sender gets one reply when it named a reply queue.
/// </summary>
internal sealed class PlaceOrderHandler(OrderIntake intake, ILogger<PlaceOrderHandler> logger) : IHandleMessages<PlaceOrder>
{
    public async Task Handle(PlaceOrder message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var request = OrderRequests.From(message);
        var result = await intake.Take(request, context.Storage, context.CancellationToken);
        object answer;
        switch (result.Outcome)
        {
            case IntakeOutcome.Placed or IntakeOutcome.Repeated:
                if (result.Start is not null)
                {
                    await context.Send(result.Start);
                }

                answer = PlacementAnswers.Placed(result.Order!);
                logger.LogInformation("PlaceOrder {MessageId}: order {OrderId} {Outcome}", context.MessageId, message.OrderId, result.Outcome);
                break;
            case IntakeOutcome.Invalid:
                answer = await RejectionRecorder.Record(request, result.Errors, intake.Now(), context);
                logger.LogWarning(
                    "PlaceOrder {MessageId}: order {OrderId} rejected, nothing charged: {Errors}",
                    context.MessageId, message.OrderId, string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
                break;
            case IntakeOutcome.RejectedBefore:
                answer = PlacementAnswers.Rejected(request, result.Errors, intake.Now());
                logger.LogInformation("PlaceOrder {MessageId}: order {OrderId} was rejected before; answered with the same reasons", context.MessageId, message.OrderId);
                break;
            default:
                answer = PlacementAnswers.Rejected(request, new Dictionary<string, string[]> { ["orderId"] = [result.Detail!] }, intake.Now());
                logger.LogWarning("PlaceOrder {MessageId}: {Detail}", context.MessageId, result.Detail);
                break;
        }

        if (PlacementAnswers.ShouldReply(context))
        {
            await context.Reply(answer);
        }
    }
}
