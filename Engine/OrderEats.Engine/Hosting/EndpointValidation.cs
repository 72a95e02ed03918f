using OrderEats.Engine.Persistence;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Hosting;

/// <summary>The start-up checks of an endpoint's configuration: each failure says what is missing and which call adds it.</summary>
internal static class EndpointValidation
{
    public static Func<IServiceProvider, ITransport> Transport(EndpointConfiguration configuration) => configuration.TransportFactory
        ?? throw new InvalidOperationException($"Endpoint {configuration.EndpointName} has no transport. Call UseLearningTransport(folder) or UseRabbitMq(uri) on its configuration.");

    public static void Validate(EndpointConfiguration configuration, HandlerRegistry handlers, EndpointPersistence? persistence)
    {
        var name = configuration.EndpointName;
        if (handlers.Sagas.Count > 0 && persistence is null)
        {
            throw new InvalidOperationException(
                $"Endpoint {name} hosts saga {handlers.Sagas[0].SagaType.Name} but has no persistence. Call UseSqlite, UsePostgreSql, UseSqlServer or UseInMemoryPersistence on its configuration.");
        }

        if (configuration.OutboxEnabled && persistence?.Outbox is null)
        {
            throw new InvalidOperationException($"Endpoint {name} enables the outbox, but its persistence has no outbox store. Use a SQL persistence or do not call EnableOutbox().");
        }

        ValidateInlineEvents(configuration, handlers);
    }

    private static void ValidateInlineEvents(EndpointConfiguration configuration, HandlerRegistry handlers)
    {
        foreach (var eventType in configuration.InlineEventTypes)
        {
            var registrations = handlers.For(eventType, isTimeout: false);
            if (registrations.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline but has no handler for it. Add a handler, or remove HandleInline<{eventType.Name}>().");
            }

            if (registrations.FirstOrDefault(r => r.Saga is not null) is { } saga)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline, but saga {saga.HandlerType.Name} handles it too. Inline events run plain handlers only; " +
                    $"let the saga receive {eventType.Name} through the broker (remove HandleInline<{eventType.Name}>()) or move that logic into the publishing handler.");
            }

            if (handlers.HandledEventTypes.FirstOrDefault(t => t != eventType && t.IsAssignableFrom(eventType)) is { } baseType)
            {
                throw new InvalidOperationException(
                    $"Endpoint {configuration.EndpointName} handles {eventType.Name} inline but subscribes to its base type {baseType.Name}, which would deliver every {eventType.Name} " +
                    "through the broker a second time. Handle the base type in another endpoint, or do not handle the event inline.");
            }
        }
    }
}
