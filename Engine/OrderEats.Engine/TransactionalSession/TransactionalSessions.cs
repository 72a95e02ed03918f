using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.TransactionalSession;

// What every transactional session of one endpoint shares: its storage, outbox, transport and the way it builds messages.
internal sealed class TransactionalSessions(
    EndpointConfiguration configuration, IStorage storage, IOutboxStorage outbox, OutboxDispatchMarks marks, ITransport transport, OutgoingMessageFactory factory,
    TimeProvider time, ILogger logger)
{
    public EndpointConfiguration Configuration => configuration;

    public IOutboxStorage Outbox => outbox;

    public OutboxDispatchMarks Marks => marks;

    public ITransport Transport => transport;

    public OutgoingMessageFactory Factory => factory;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public async Task<ITransactionalSession> Open(CancellationToken cancellationToken = default) =>
        new OutboxTransactionalSession(this, await storage.OpenSession(cancellationToken));
}
