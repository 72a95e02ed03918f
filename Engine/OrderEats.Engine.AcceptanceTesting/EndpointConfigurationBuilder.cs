namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>
/// Describes one endpoint of a scenario. Derive from it, call <see cref="EndpointSetup"/> in the constructor, and nest the endpoint's handlers,
/// sagas and not-found handlers in the class: they are registered on the endpoint. Its name comes from <see cref="Conventions.EndpointNamingConvention"/>.
/// </summary>
public abstract class EndpointConfigurationBuilder
{
    private readonly List<Action<EndpointConfiguration>> setups = [];
    private string? customName;

    internal string EndpointName => customName ?? Conventions.EndpointNamingConvention(GetType());

    internal IReadOnlyList<Action<EndpointConfiguration>> Setups => setups;

    internal IEndpointSetupTemplate Template { get; private set; } = new DefaultServer();

    internal IEnumerable<Type> NestedHandlerTypes => Nested(GetType()).Where(t => !t.IsAbstract && t.IsClass && !t.ContainsGenericParameters && IsHandler(t));

    /// <summary>Uses the scenario's transport, in-memory persistence and <see cref="DefaultServer"/>, and then <paramref name="configure"/>.</summary>
    protected void EndpointSetup(Action<EndpointConfiguration>? configure = null)
    {
        if (configure is not null)
        {
            setups.Add(configure);
        }
    }

    /// <summary>Uses the endpoint setup <typeparamref name="TTemplate"/> instead of <see cref="DefaultServer"/>, and then <paramref name="configure"/>.</summary>
    protected void EndpointSetup<TTemplate>(Action<EndpointConfiguration>? configure = null)
        where TTemplate : IEndpointSetupTemplate, new()
    {
        Template = new TTemplate();
        EndpointSetup(configure);
    }

    /// <summary>Names the endpoint <paramref name="name"/> instead of the convention's name.</summary>
    protected void CustomEndpointName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        customName = name;
    }

    private static IEnumerable<Type> Nested(Type type) => type.GetNestedTypes().SelectMany(t => (IEnumerable<Type>)[t, .. Nested(t)]);

    private static bool IsHandler(Type type) =>
        typeof(IHandleSagaNotFound).IsAssignableFrom(type) ||
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IHandleMessages<>) || i.GetGenericTypeDefinition() == typeof(IHandleTimeouts<>)));
}
