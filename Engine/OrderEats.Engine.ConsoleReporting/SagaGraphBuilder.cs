using System.Reflection;
using OrderEats.Engine.Extensibility;

namespace OrderEats.Engine.ConsoleReporting;

/// <summary>
/// Reads a saga type's graph. With <see cref="SagaTransitionAttribute"/>s the declared states and transitions are used (every message named must be
/// one the saga handles); without them the graph is Start → Running → Completed with one edge per handled message and timeout.
/// </summary>
internal static class SagaGraphBuilder
{
    public const string Running = "Running";
    public const string Completed = "Completed";
    public const string MarkAsComplete = "MarkAsComplete";

    public static SagaGraph Build(Type sagaType, Type dataType)
    {
        ArgumentNullException.ThrowIfNull(sagaType);
        ArgumentNullException.ThrowIfNull(dataType);
        var starters = Handled(sagaType, typeof(IAmStartedByMessages<>));
        var handles = Handled(sagaType, typeof(IHandleMessages<>)).Except(starters).ToList();
        var timeouts = Handled(sagaType, typeof(IHandleTimeouts<>));
        var declared = sagaType.GetCustomAttributes<SagaTransitionAttribute>().ToList();
        var states = sagaType.GetCustomAttribute<SagaStatesAttribute>();
        var name = MessageContractName.Of(sagaType);
        if (declared.Count == 0)
        {
            var edges = starters.Select(m => new SagaGraphTransition(SagaTransitionAttribute.Start, Contract(m), Running, false))
                .Concat(handles.Select(m => new SagaGraphTransition(Running, Contract(m), Running, false)))
                .Concat(timeouts.Select(m => new SagaGraphTransition(Running, Contract(m), Running, true)))
                .Append(new SagaGraphTransition(Running, MarkAsComplete, Completed, false))
                .ToList();
            return new SagaGraph(name, sagaType.Name, null, [SagaTransitionAttribute.Start, Running, Completed], [Completed], edges,
                starters.Select(Contract).ToList(), handles.Select(Contract).ToList(), timeouts.Select(Contract).ToList());
        }

        var known = starters.Concat(handles).Concat(timeouts).ToHashSet();
        foreach (var transition in declared.Where(t => !known.Contains(t.Message)))
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} declares the transition {transition.From} --{transition.Message.Name}--> {transition.To}, but does not handle {transition.Message.Name}. Handle the message or remove the [SagaTransition].");
        }

        var stateProperty = states is null ? null : dataType.GetProperty(states.StateProperty);
        if (states is not null && stateProperty is null)
        {
            throw new InvalidOperationException(
                $"Saga {sagaType.Name} names state property {states.StateProperty} in [SagaStates], but {dataType.Name} has no such property. Use nameof({dataType.Name}.<Property>).");
        }

        var ordered = new List<string> { SagaTransitionAttribute.Start };
        foreach (var transition in declared)
        {
            foreach (var state in new[] { transition.From, transition.To }.Where(s => !ordered.Contains(s)))
            {
                ordered.Add(state);
            }
        }

        return new SagaGraph(
            name,
            sagaType.Name,
            states?.StateProperty,
            ordered,
            states?.FinalStates.ToList() ?? [],
            declared.Select(t => new SagaGraphTransition(t.From, Contract(t.Message), t.To, timeouts.Contains(t.Message))).ToList(),
            starters.Select(Contract).ToList(),
            handles.Select(Contract).ToList(),
            timeouts.Select(Contract).ToList(),
            stateProperty?.PropertyType.IsEnum == true ? EnumNames(stateProperty.PropertyType) : null);
    }

    private static Dictionary<string, string> EnumNames(Type type) => Enum.GetValues(type).Cast<object>()
        .ToDictionary(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture), v => v.ToString()!);

    private static string Contract(Type type) => MessageContractName.Of(type);

    private static List<Type> Handled(Type sagaType, Type definition) => sagaType.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition)
        .Select(i => i.GetGenericArguments()[0])
        .ToList();
}
