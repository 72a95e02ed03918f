namespace OrderEats.Engine;

/// <summary>Handles a timeout the saga requested with <c>RequestTimeout</c>.</summary>
public interface IHandleTimeouts<in T>
{
    /// <summary>Called when the timeout is due, unless it was cancelled or the saga completed.</summary>
    Task Timeout(T state, IMessageHandlerContext context);
}
