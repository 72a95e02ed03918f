using System.Collections.Concurrent;

namespace OrderEats.Engine.Serialization;

/// <summary>Maps message types to stable contract names (the full type name, never assembly-qualified) and back.</summary>
internal sealed class MessageTypeRegistry
{
    private static readonly HashSet<Type> MarkerInterfaces = [typeof(IMessage), typeof(ICommand), typeof(IEvent)];
    private readonly ConcurrentDictionary<string, Type> byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, IReadOnlyList<string>> hierarchies = new();

    public static string ContractName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (type.FullName ?? type.Name).Replace('+', '.');
    }

    public void Register(Type type)
    {
        byName.TryAdd(ContractName(type), type);
        foreach (var baseType in HierarchyTypes(type))
        {
            byName.TryAdd(ContractName(baseType), baseType);
        }
    }

    /// <summary>The contract name of the type, then of its base types and non-marker interfaces.</summary>
    public IReadOnlyList<string> Hierarchy(Type type) =>
        hierarchies.GetOrAdd(type, t => [ContractName(t), .. HierarchyTypes(t).Select(ContractName)]);

    /// <summary>
    /// Resolves the first concrete type named in an enclosed-message-types header. Names not registered are looked up among the
    /// message types of the loaded assemblies (a contract name is a full type name), so a subscriber of a base type still gets the concrete event.
    /// </summary>
    public Type? Resolve(string? enclosedMessageTypes)
    {
        if (string.IsNullOrWhiteSpace(enclosedMessageTypes))
        {
            return null;
        }

        foreach (var name in enclosedMessageTypes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (byName.TryGetValue(name, out var type) || (type = FindLoaded(name)) is not null)
            {
                if (!type.IsAbstract && !type.IsInterface)
                {
                    return type;
                }
            }
        }

        return null;
    }

    private Type? FindLoaded(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic))
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (System.Reflection.ReflectionTypeLoadException ex)
            {
                types = [.. ex.Types.OfType<Type>()];
            }

            var match = types.FirstOrDefault(t => typeof(IMessage).IsAssignableFrom(t) && ContractName(t) == name);
            if (match is not null)
            {
                Register(match);
                return match;
            }
        }

        return null;
    }

    private static IEnumerable<Type> HierarchyTypes(Type type)
    {
        for (var current = type.BaseType; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            yield return current;
        }

        foreach (var contract in type.GetInterfaces().Where(i => !MarkerInterfaces.Contains(i) && !i.IsGenericType && i.Namespace?.StartsWith("System", StringComparison.Ordinal) != true))
        {
            yield return contract;
        }
    }
}
