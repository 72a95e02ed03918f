using OrderEats.Engine.Extensibility;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// Wraps the unit of work: the engine records what the message did to sagas, and only once the unit of work committed and dispatched are the
/// records handed to the audit dispatcher. A failed message leaves no record (its retry will).
/// </summary>
internal sealed class SagaAuditStep(AuditDispatcher dispatcher, string endpoint) : IIncomingMessageStep
{
    public async Task Invoke(IIncomingMessageContext context, Func<Task> next)
    {
        var changes = context.RecordSagaChanges();
        await next();
        foreach (var change in changes)
        {
            dispatcher.Enqueue(SagaAudit.Entry(context.Message, change, endpoint));
        }
    }
}
