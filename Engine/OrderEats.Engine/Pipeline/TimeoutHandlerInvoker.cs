namespace OrderEats.Engine.Pipeline;

internal sealed class TimeoutHandlerInvoker<T> : IHandlerInvoker
{
    public Type MessageType => typeof(T);

    public bool IsTimeout => true;

    public Task Invoke(object handler, object message, IMessageHandlerContext context) =>
        ((IHandleTimeouts<T>)handler).Timeout((T)message, context);
}
