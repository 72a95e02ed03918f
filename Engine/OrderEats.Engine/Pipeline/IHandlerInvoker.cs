namespace OrderEats.Engine.Pipeline;

/// <summary>Calls one handler interface method with the right static types, without reflection invoke or generated code.</summary>
internal interface IHandlerInvoker
{
    Type MessageType { get; }

    bool IsTimeout { get; }

    Task Invoke(object handler, object message, IMessageHandlerContext context);
}
