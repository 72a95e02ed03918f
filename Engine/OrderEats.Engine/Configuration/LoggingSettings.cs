namespace OrderEats.Engine;

/// <summary>What the endpoint adds to the logging scope (and the tracing span) of each message beyond its message and conversation ids.</summary>
public sealed class LoggingSettings
{
    private readonly List<string> scopeProperties = [];

    /// <summary>The message properties added to the scope, in the order they were added.</summary>
    public IReadOnlyList<string> ScopeProperties => scopeProperties;

    /// <summary>
    /// Adds the public property <paramref name="propertyName"/> of every message that has one (e.g. "CustomerId") to the logging scope under that
    /// name, and to the message's span as the tag <c>ordereats.&lt;snake_case_name&gt;</c>. Messages without the property, or with a null value, get no entry.
    /// </summary>
    public LoggingSettings AddScopeFromProperty(string propertyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(propertyName);
        if (!scopeProperties.Contains(propertyName, StringComparer.Ordinal))
        {
            scopeProperties.Add(propertyName);
        }

        return this;
    }
}
