using OrderEats.Engine;
using OrderEats.Messages.Replies;

namespace OrderEats.Deployment.Tests.Shutdown;

/// <summary>Counts the Payments endpoint's answers.</summary>
public sealed class PaymentChargedHandler(ChargeReplies replies) : IHandleMessages<PaymentCharged>
{
    public Task Handle(PaymentCharged message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        replies.Add(message.OrderId);
        return Task.CompletedTask;
    }
}
