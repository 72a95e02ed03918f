using System.Text;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Telemetry;

namespace OrderEats.Engine.Pipeline;

/// <summary>After deserialization, adds the configured message properties (<see cref="LoggingSettings.ScopeProperties"/>) to the logging scope and to the current span.</summary>
internal sealed class PropertyLogScopeStep : IIncomingStep
{
    private readonly ILogger logger;
    private readonly (PropertyAccessor Accessor, string Tag)[] properties;

    public PropertyLogScopeStep(IEnumerable<string> propertyNames, ILogger logger)
    {
        this.logger = logger;
        properties = [.. propertyNames.Select(name => (new PropertyAccessor(name), "ordereats." + SnakeCase(name)))];
    }

    public async Task Invoke(IncomingContext context, Func<Task> next)
    {
        List<KeyValuePair<string, object?>>? values = null;
        if (context.Body is { } body)
        {
            foreach (var (accessor, tag) in properties)
            {
                if (accessor.Read(body) is { } value)
                {
                    System.Diagnostics.Activity.Current?.SetTag(tag, value);
                    (values ??= []).Add(new(accessor.PropertyName, value));
                }
            }
        }

        using var scope = values is null ? null : logger.BeginScope(new LogScopeState([.. values]));
        await next();
    }

    // "OrderId" → "order_id", the span tag naming the engine's other tags follow.
    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
