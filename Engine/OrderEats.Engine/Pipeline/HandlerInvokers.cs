namespace OrderEats.Engine.Pipeline;

/// <summary>Reads which IHandleMessages and IHandleTimeouts methods a handler or saga type has; endpoints and the testing library call them through these.</summary>
internal static class HandlerInvokers
{
    public static IReadOnlyList<IHandlerInvoker> Of(Type handlerType)
    {
        var invokers = new List<IHandlerInvoker>();
        foreach (var contract in handlerType.GetInterfaces().Where(i => i.IsGenericType))
        {
            var definition = contract.GetGenericTypeDefinition();
            var messageType = contract.GetGenericArguments()[0];
            Type? invokerType = definition == typeof(IHandleMessages<>) ? typeof(MessageHandlerInvoker<>)
                : definition == typeof(IHandleTimeouts<>) ? typeof(TimeoutHandlerInvoker<>)
                : null;
            if (invokerType is not null)
            {
                invokers.Add((IHandlerInvoker)Activator.CreateInstance(invokerType.MakeGenericType(messageType))!);
            }
        }

        return invokers;
    }
}
