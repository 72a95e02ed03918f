using System.Globalization;

namespace OrderEats.Engine;

/// <summary>The non-generic part of a saga that the engine drives; derive from <see cref="Saga{TData}"/>.</summary>
public abstract class Saga
{
    private readonly List<Type> cancelledTimeoutTypes = [];

    internal Saga()
    {
    }

    /// <summary>True once the saga called <c>MarkAsComplete</c>: its state is deleted after this message.</summary>
    public bool Completed { get; private set; }

    internal IReadOnlyList<Type> CancelledTimeoutTypes => cancelledTimeoutTypes;

    internal abstract IContainSagaData Entity { get; set; }

    internal abstract Type DataType { get; }

    internal abstract SagaDeclaration BuildMapping();

    /// <summary>Ends the saga: its state is deleted when the current message commits and later messages find nothing.</summary>
    protected void MarkAsComplete() => Completed = true;

    /// <summary>Cancels every pending timeout of type <typeparamref name="T"/> this instance requested; a cancelled timeout never reaches <c>Timeout</c>.</summary>
    protected void CancelTimeouts<T>() => cancelledTimeoutTypes.Add(typeof(T));

    /// <summary>Asks for <paramref name="state"/> to come back to this saga instance after <paramref name="within"/>.</summary>
    protected Task RequestTimeout<T>(IMessageHandlerContext context, TimeSpan within, T state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return RequestTimeout(context, new SendOptions { DeliveryDelay = within }, state);
    }

    /// <summary>Asks for <paramref name="state"/> to come back to this saga instance at <paramref name="at"/>.</summary>
    protected Task RequestTimeout<T>(IMessageHandlerContext context, DateTimeOffset at, T state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return RequestTimeout(context, new SendOptions { DeliverAt = at }, state);
    }

    private Task RequestTimeout<T>(IMessageHandlerContext context, SendOptions options, T state)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        options.Headers[Headers.IsSagaTimeout] = bool.TrueString;
        options.Headers[Headers.TimeoutId] = Guid.NewGuid().ToString();
        options.Headers[Headers.SagaId] = Entity.Id.ToString();
        return context.SendLocal(state, options);
    }

    /// <summary>Replies with <paramref name="message"/> to the endpoint that started this saga, correlated to the message that started it.</summary>
    /// <exception cref="InvalidOperationException">The message that started the saga carried no reply-to address (it came from a send-only endpoint).</exception>
    protected Task ReplyToOriginator(IMessageHandlerContext context, object message)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(Entity.Originator))
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "Saga {0} ({1}) cannot reply to its originator: the message that started it carried no reply-to address (a send-only endpoint sent it). Send the answer to an explicit destination instead.",
                GetType().Name,
                Entity.Id));
        }

        var options = new ReplyOptions { Destination = Entity.Originator };
        if (Entity.OriginalMessageId is not null)
        {
            options.Headers[Headers.CorrelationId] = Entity.OriginalMessageId;
        }

        return context.Reply(message, options);
    }
}
