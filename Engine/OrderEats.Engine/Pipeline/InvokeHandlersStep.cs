using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>Calls every handler of the message's type in registration order; saga handlers go through the saga invoker.</summary>
internal sealed class InvokeHandlersStep(HandlerRegistry handlers, SagaInvoker? sagas, OutgoingMessageFactory factory, string endpointQueue, TimeProvider time) : IIncomingStep
{
    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        var message = context.Body!;
        var registrations = handlers.For(message.GetType(), context.IsTimeout);
        if (registrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"Endpoint {endpointQueue} has no handler for {message.GetType().FullName} (message {context.MessageId}{(context.IsTimeout ? ", a saga timeout" : string.Empty)}). Add a handler, or fix the routing that sent it here.");
        }

        foreach (var registration in registrations)
        {
            if (registration.Saga is not null)
            {
                await sagas!.Invoke(registration, context);
                continue;
            }

            var handler = ActivatorUtilities.CreateInstance(context.Services, registration.HandlerType);
            using var span = EngineSpans.Handler(registration.HandlerType, message.GetType(), endpointQueue);
            try
            {
                await registration.Invoker.Invoke(handler, message, new MessageHandlerContext(context, factory, endpointQueue, time, context.Session!));
            }
            catch (Exception ex) when (span is not null)
            {
                EngineSpans.Failed(span, ex);
                throw;
            }
        }

        await next();
    }
}
