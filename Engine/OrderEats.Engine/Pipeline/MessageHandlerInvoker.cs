namespace OrderEats.Engine.Pipeline;

internal sealed class MessageHandlerInvoker<T> : IHandlerInvoker
{
    public Type MessageType => typeof(T);

    public bool IsTimeout => false;

    public Task Invoke(object handler, object message, IMessageHandlerContext context) =>
        ((IHandleMessages<T>)handler).Handle((T)message, context);
}
