using System.Collections.Concurrent;
using System.Reflection;

namespace OrderEats.Engine.Telemetry;

/// <summary>Reads one named public property of messages through a delegate built once per message type (no reflection per message).</summary>
internal sealed class PropertyAccessor(string propertyName)
{
    private static readonly MethodInfo TypedFactory = typeof(PropertyAccessor).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;
    private readonly ConcurrentDictionary<Type, Func<object, object?>?> readers = new();

    public string PropertyName { get; } = propertyName;

    /// <summary>The property's value, or null when the message's type has no such property.</summary>
    public object? Read(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return readers.GetOrAdd(message.GetType(), Build) is { } read ? read(message) : null;
    }

    private Func<object, object?>? Build(Type type)
    {
        var getter = type.GetProperty(PropertyName, BindingFlags.Public | BindingFlags.Instance)?.GetMethod;
        if (getter is null || type.IsValueType || getter.GetParameters().Length > 0)
        {
            return null;
        }

        return (Func<object, object?>)TypedFactory.MakeGenericMethod(type, getter.ReturnType).Invoke(null, [getter])!;
    }

    private static Func<object, object?> Typed<TMessage, TValue>(MethodInfo getter)
    {
        var read = getter.CreateDelegate<Func<TMessage, TValue>>();
        return message => read((TMessage)message);
    }
}
