namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>Routing to scenario endpoints by their builder type.</summary>
public static class RoutingSettingsExtensions
{
    /// <summary>Routes <paramref name="messageType"/> to the endpoint built by <paramref name="endpointType"/> (named by <see cref="Conventions.EndpointNamingConvention"/>).</summary>
    public static RoutingSettings RouteToEndpoint(this RoutingSettings routing, Type messageType, Type endpointType)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(endpointType);
        return routing.RouteToEndpoint(messageType, Conventions.EndpointNamingConvention(endpointType));
    }
}
