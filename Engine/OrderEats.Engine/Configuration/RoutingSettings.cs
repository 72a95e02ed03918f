using System.Reflection;

namespace OrderEats.Engine;

/// <summary>Which endpoint each command type is sent to. Configured once per endpoint.</summary>
public sealed class RoutingSettings
{
    private readonly Dictionary<Type, string> routes = [];

    /// <summary>Routes commands of <typeparamref name="T"/> to <paramref name="endpoint"/>.</summary>
    public RoutingSettings RouteToEndpoint<T>(string endpoint) => RouteToEndpoint(typeof(T), endpoint);

    /// <summary>Routes commands of <paramref name="messageType"/> to <paramref name="endpoint"/>.</summary>
    public RoutingSettings RouteToEndpoint(Type messageType, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        if (routes.TryGetValue(messageType, out var existing) && existing != endpoint)
        {
            throw new InvalidOperationException(
                $"Message {messageType.FullName} is routed to '{existing}' already and cannot also go to '{endpoint}'. A command has exactly one owner: remove one of the routes.");
        }

        routes[messageType] = endpoint;
        return this;
    }

    /// <summary>Routes every command type in <paramref name="assembly"/> (optionally only in <paramref name="ns"/>) to <paramref name="endpoint"/>.</summary>
    public RoutingSettings RouteToEndpoint(Assembly assembly, string? ns, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetExportedTypes().Where(t => typeof(ICommand).IsAssignableFrom(t) && !t.IsAbstract && (ns is null || t.Namespace == ns)))
        {
            RouteToEndpoint(type, endpoint);
        }

        return this;
    }

    /// <summary>The destination of <paramref name="messageType"/>, or null when it has no route.</summary>
    public string? Find(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        for (var type = messageType; type is not null; type = type.BaseType)
        {
            if (routes.TryGetValue(type, out var endpoint))
            {
                return endpoint;
            }
        }

        return null;
    }
}
