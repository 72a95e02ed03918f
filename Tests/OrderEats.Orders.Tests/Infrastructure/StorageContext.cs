using System.Data.Common;
using OrderEats.Engine;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>A handler context whose storage session is a real connection and transaction, for handlers that write business data.</summary>
public sealed class StorageContext(DbConnection connection, DbTransaction transaction) : IMessageHandlerContext, IStorageSession
{
    public string MessageId { get; } = Guid.NewGuid().ToString();

    public IReadOnlyDictionary<string, string> MessageHeaders { get; } = new Dictionary<string, string>();

    public string? ReplyToAddress => null;

    public CancellationToken CancellationToken => CancellationToken.None;

    public IStorageSession Storage => this;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public Task Send(object message, SendOptions? options = null) => throw new NotSupportedException("The read-model handler sends nothing.");

    public Task SendLocal(object message, SendOptions? options = null) => throw new NotSupportedException("The read-model handler sends nothing.");

    public Task Publish(object message, PublishOptions? options = null) => throw new NotSupportedException("The read-model handler publishes nothing.");

    public Task Reply(object message, ReplyOptions? options = null) => throw new NotSupportedException("The read-model handler replies nothing.");

    public Task ForwardCurrentMessageTo(string destination) => throw new NotSupportedException("The read-model handler forwards nothing.");

    public void DoNotContinueDispatchingCurrentMessageToHandlers() => throw new NotSupportedException("The read-model handler always lets the others run.");
}
