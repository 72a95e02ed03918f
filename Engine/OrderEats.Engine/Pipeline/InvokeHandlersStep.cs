using Microsoft.Extensions.DependencyInjection;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Sagas;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>
/// Calls every handler of the message's type in registration order (saga handlers go through the saga invoker), then the handlers of the
/// events they published that the endpoint handles inline, in the same unit of work.
/// </summary>
internal sealed class InvokeHandlersStep(HandlerRegistry handlers, SagaInvoker? sagas, OutgoingMessageFactory factory, string endpointQueue, TimeProvider time) : IIncomingStep
{
    /// <summary>The most inline events one incoming message may lead to (a guard against handlers that publish each other in a cycle).</summary>
    public const int MaxInlineEvents = 1000;

    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        var message = context.Body!;
        var registrations = handlers.For(message.GetType(), context.IsTimeout);
        if (registrations.Count == 0)
        {
            throw new Recoverability.NoHandlerException(
                $"Endpoint {endpointQueue} has no handler for {message.GetType().FullName} (message {context.MessageId}{(context.IsTimeout ? ", a saga timeout" : string.Empty)}). Add a handler, or fix the routing that sent it here.");
        }

        foreach (var registration in registrations)
        {
            if (registration.Saga is not null)
            {
                await sagas!.Invoke(registration, context);
                continue;
            }

            await InvokeHandler(registration, message, context);
        }

        // Inline events are handled in publish order; one published by an inline handler is handled after those before it.
        for (var i = 0; i < context.InlineEvents.Count; i++)
        {
            if (i == MaxInlineEvents)
            {
                throw new InvalidOperationException(
                    $"Message {context.MessageId} led to more than {MaxInlineEvents} inline events on endpoint {endpointQueue}: inline handlers keep publishing events that are handled inline. Break the cycle.");
            }

            var inline = context.InlineEvents[i];
            foreach (var registration in handlers.For(inline.GetType(), isTimeout: false))
            {
                await InvokeHandler(registration, inline, context);
            }
        }

        await next();
    }

    private async Task InvokeHandler(HandlerRegistration registration, object message, IncomingContext context)
    {
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
}
