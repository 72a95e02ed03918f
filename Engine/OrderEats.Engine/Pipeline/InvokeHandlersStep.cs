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
        var message = context.Body ?? throw new Recoverability.MessageDeserializationException(
            $"Message {context.MessageId} is a control message ({context.Headers.GetValueOrDefault(Headers.ControlMessage)}) that no add-on of endpoint {endpointQueue} consumes. " +
            "Turn on the add-on that answers it (UseConsoleReporting for the console's), or stop sending it here.");
        var registrations = handlers.For(message.GetType(), context.IsTimeout);
        if (registrations.Count == 0)
        {
            throw new Recoverability.NoHandlerException(
                $"Endpoint {endpointQueue} has no handler for {message.GetType().FullName} (message {context.MessageId}{(context.IsTimeout ? ", a saga timeout" : string.Empty)}). Add a handler, or fix the routing that sent it here.");
        }

        var sagasFound = false;
        var sagasNotFound = false;
        List<SagaMetadata>? invokedSagas = null;
        foreach (var registration in registrations)
        {
            if (context.HandlerInvocationAborted)
            {
                break;
            }

            if (registration.Saga is { } saga)
            {
                // A saga is loaded once per message, and every handler method of it that matches runs on that one instance.
                if ((invokedSagas ??= []).Contains(saga))
                {
                    continue;
                }

                invokedSagas.Add(saga);
                var invocation = await sagas!.Invoke(saga, [.. registrations.Where(r => r.Saga == saga).Select(r => r.Invoker)], context);
                sagasFound |= invocation.FoundOrStarted;
                sagasNotFound |= invocation.Outcome == SagaOutcome.NotFound;
                continue;
            }

            await InvokeHandler(registration, message, context);
        }

        // Not-found handlers run once per message, and only when no saga of this endpoint found (or started) an instance for it.
        if (sagasNotFound && !sagasFound)
        {
            await InvokeNotFoundHandlers(message, context);
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
            context.HandlerInvocationAborted = false;
            foreach (var registration in handlers.For(inline.GetType(), isTimeout: false))
            {
                await InvokeHandler(registration, inline, context);
                if (context.HandlerInvocationAborted)
                {
                    break;
                }
            }
        }

        await next();
    }

    private async Task InvokeNotFoundHandlers(object message, IncomingContext context)
    {
        foreach (var handlerType in handlers.NotFoundHandlers)
        {
            var handler = (IHandleSagaNotFound)ActivatorUtilities.CreateInstance(context.Services, handlerType);
            await handler.Handle(message, new MessageHandlerContext(context, factory, endpointQueue, time, context.Session!));
        }
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
