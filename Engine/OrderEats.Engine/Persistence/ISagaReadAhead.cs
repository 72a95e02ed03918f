namespace OrderEats.Engine.Persistence;

/// <summary>
/// An optional capability of an <see cref="ISagaPersister"/>: the engine announces, right after it opens a message's unit of work, the saga
/// loads the message will cause, so a persister can send them (row lock included) with the unit of work's first statement, the outbox lookup,
/// in one round trip. The later <see cref="ISagaPersister.Get"/> or <see cref="ISagaPersister.Find"/> is then answered from what was read.
/// </summary>
public interface ISagaReadAhead
{
    /// <summary>Announces a load that will follow in <paramref name="session"/>; the persister may run it with the session's next statement.</summary>
    void ReadAhead(SagaLookup lookup, IUnitOfWork session);
}
