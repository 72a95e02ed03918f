using System.Collections;

namespace OrderEats.Engine.Telemetry;

/// <summary>A logging scope of named values: structured formatters (JSON console, OpenTelemetry) write each as its own property.</summary>
internal sealed class LogScopeState(params KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', values.Select(v => $"{v.Key}:{v.Value}"));
}
