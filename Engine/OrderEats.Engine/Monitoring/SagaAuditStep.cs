using OrderEats.Engine.Pipeline;

namespace OrderEats.Engine.Monitoring;

/// <summary>
/// Wraps the unit of work: the saga invoker adds audit records to the context, and only once the unit of work committed and dispatched are
/// they handed to the audit dispatcher. A failed message leaves no record (its retry will).
/// </summary>
internal sealed class SagaAuditStep(AuditDispatcher? dispatcher) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (dispatcher is null)
        {
            await next();
            return;
        }

        context.Audit = [];
        await next();
        foreach (var entry in context.Audit)
        {
            dispatcher.Enqueue(entry);
        }
    }
}
