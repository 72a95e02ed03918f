namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>How scenario endpoints are named, so routing can name them by their builder type.</summary>
public static class Conventions
{
    /// <summary>
    /// The endpoint name of an <see cref="EndpointConfigurationBuilder"/> type: by default the enclosing test class and the builder's own name,
    /// e.g. <c>When_a_saga_completes.SagaEndpoint</c>, so two test classes' endpoints never share a queue.
    /// </summary>
    public static Func<Type, string> EndpointNamingConvention { get; set; } = DefaultName;

    private static string DefaultName(Type endpointType)
    {
        ArgumentNullException.ThrowIfNull(endpointType);
        return endpointType.DeclaringType is { } test ? $"{test.Name}.{endpointType.Name}" : endpointType.Name;
    }
}
