using System.Collections.Concurrent;
using System.Reflection;

namespace OrderEats.Engine.Telemetry;

/// <summary>Reads a message's public OrderId property through a delegate built once per message type (no reflection per message).</summary>
internal static class OrderIdAccessor
{
    private static readonly ConcurrentDictionary<Type, Func<object, object?>?> Readers = new();

    private static readonly MethodInfo TypedFactory = typeof(OrderIdAccessor).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static object? Read(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Readers.GetOrAdd(message.GetType(), Build) is { } read ? read(message) : null;
    }

    private static Func<object, object?>? Build(Type type)
    {
        var getter = type.GetProperty("OrderId", BindingFlags.Public | BindingFlags.Instance)?.GetMethod;
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
