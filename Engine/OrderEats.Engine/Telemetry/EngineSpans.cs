using System.Diagnostics;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Routing;
using OrderEats.Engine.Sagas;

namespace OrderEats.Engine.Telemetry;

/// <summary>Starts the engine's producer, handler and saga spans; each returns null (and costs one check) when no one listens.</summary>
internal static class EngineSpans
{
    public static Activity? Producer(MessageIntent intent, Type messageType, string endpointName)
    {
        var source = EngineDiagnostics.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        var operation = intent switch
        {
            MessageIntent.Publish => "publish",
            MessageIntent.Reply => "reply",
            _ => "send",
        };
        var activity = source.StartActivity($"{operation} {messageType.Name}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "ordereats");
        activity?.SetTag("messaging.operation.type", intent == MessageIntent.Publish ? "publish" : "send");
        activity?.SetTag("ordereats.message_type", messageType.FullName);
        activity?.SetTag("ordereats.originating_endpoint", endpointName);
        return activity;
    }

    public static Activity? Handler(Type handlerType, Type messageType, string endpointName)
    {
        var source = EngineDiagnostics.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity($"{handlerType.Name} handle {messageType.Name}", ActivityKind.Internal);
        activity?.SetTag("ordereats.handler", handlerType.FullName);
        activity?.SetTag("ordereats.message_type", messageType.FullName);
        activity?.SetTag("messaging.destination.name", endpointName);
        return activity;
    }

    public static Activity? Saga(SagaMetadata saga, Type messageType, bool isTimeout)
    {
        var source = EngineDiagnostics.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity($"{saga.SagaType.Name} {(isTimeout ? "timeout" : "handle")} {messageType.Name}", ActivityKind.Internal);
        activity?.SetTag("ordereats.saga_type", saga.Name);
        activity?.SetTag("ordereats.message_type", messageType.FullName);
        return activity;
    }

    public static void Failed(Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity?.AddTag("error.type", exception.GetType().FullName);
    }
}
