namespace OrderEats.Engine;

/// <summary>Typed shortcuts for <see cref="IMessageSession"/>.</summary>
public static class MessageSessionExtensions
{
    /// <summary>Subscribes this endpoint to events of type <typeparamref name="T"/>.</summary>
    public static Task Subscribe<T>(this IMessageSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Subscribe(typeof(T), cancellationToken);
    }

    /// <summary>Removes this endpoint's subscription to events of type <typeparamref name="T"/>.</summary>
    public static Task Unsubscribe<T>(this IMessageSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Unsubscribe(typeof(T), cancellationToken);
    }
}
