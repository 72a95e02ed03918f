using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrderEats.Engine.Contracts;

namespace OrderEats.Engine.RabbitMQ.AsyncApi;

// JSON Schema of message bodies as the engine writes and reads them: camelCase names, required = a constructor parameter without a default value,
// nullable from the nullable annotations, the validation attributes as keywords, records and enums shared under components/schemas.
internal sealed class JsonSchemaBuilder(XmlDocumentation docs)
{
    private readonly SortedDictionary<string, JsonNode> components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> named = new(StringComparer.Ordinal);
    private readonly NullabilityInfoContext nullability = new();

    public IReadOnlyDictionary<string, JsonNode> Components => components;

    // A message body: its description is the message's own, so the schema does not repeat it.
    public JsonObject Body(Type type) => Record(type, describe: false);

    private static string Name(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static bool IsComposite(Type type) => type is { IsPrimitive: false, IsEnum: false } && type != typeof(string) && type != typeof(decimal)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private static JsonObject Simple(string type, string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }

    private JsonObject Record(Type type, bool describe = true)
    {
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.DeclaringType != typeof(object))
                     .OrderBy(p => Array.FindIndex(parameters, x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0 ? i : int.MaxValue)
                     .ThenBy(p => p.MetadataToken))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            var name = Name(property);
            properties[name] = Member(type, property, parameter);
            if (parameter is { HasDefaultValue: false })
            {
                required.Add(name);
            }
        }

        var schema = new JsonObject { ["type"] = "object" };
        if (describe && docs.Summary(type) is { } summary)
        {
            schema["description"] = summary;
        }

        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private JsonObject Member(Type owner, PropertyInfo property, ParameterInfo? parameter)
    {
        var type = property.PropertyType;
        var nullable = Nullable.GetUnderlyingType(type) is not null || nullability.Create(property).ReadState == NullabilityState.Nullable;
        var schema = Of(Nullable.GetUnderlyingType(type) ?? type);
        if (nullable)
        {
            schema = new JsonObject { ["oneOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
        }

        var attributes = property.GetCustomAttributes().Concat(parameter?.GetCustomAttributes() ?? []).Distinct().ToList();
        foreach (var rule in attributes.OfType<ValidationAttribute>())
        {
            Apply(Target(schema), rule);
        }

        var description = docs.Parameter(owner, property.Name);
        if (attributes.OfType<ComputedAttribute>().FirstOrDefault() is { } computed)
        {
            schema["x-computed"] = computed.From;
            schema["readOnly"] = true;
            if (description?.Contains("computed", StringComparison.OrdinalIgnoreCase) != true)
            {
                description = (description is null ? string.Empty : description + " ") +
                    $"Computed by the service from {computed.From}{(parameter is { HasDefaultValue: true } ? "; a sender may leave it out, and a value sent must equal the computed one" : string.Empty)}.";
            }
        }

        if (description is not null)
        {
            schema["description"] = description;
        }

        return schema;
    }

    // Keywords go on the value's own schema, not on the oneOf wrapper of a nullable member.
    private static JsonObject Target(JsonObject schema) =>
        schema["oneOf"] is JsonArray { Count: 2 } options && options[0] is JsonObject value && value["$ref"] is null ? value : schema;

    private static void Apply(JsonObject schema, ValidationAttribute rule)
    {
        switch (rule)
        {
            case RangeAttribute range:
                schema["minimum"] = JsonValue.Create(Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture));
                schema["maximum"] = JsonValue.Create(Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture));
                break;
            case StringLengthAttribute length:
                schema["maxLength"] = length.MaximumLength;
                if (length.MinimumLength > 0)
                {
                    schema["minLength"] = length.MinimumLength;
                }

                break;
            case MinLengthAttribute min:
                schema["minItems"] = min.Length;
                break;
            case MaxLengthAttribute max:
                schema["maxItems"] = max.Length;
                break;
            case NotEmptyAttribute when schema["format"]?.GetValue<string>() == "uuid":
                schema["not"] = new JsonObject { ["const"] = Guid.Empty.ToString() };
                break;
            case NotEmptyAttribute:
                schema["minLength"] = 1;
                break;
        }
    }

    private JsonObject Of(Type type)
    {
        if (type == typeof(Guid))
        {
            return Simple("string", "uuid");
        }

        if (type == typeof(string))
        {
            return Simple("string");
        }

        if (type == typeof(bool))
        {
            return Simple("boolean");
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return Simple("number");
        }

        if (type == typeof(int) || type == typeof(short))
        {
            return Simple("integer", "int32");
        }

        if (type == typeof(long))
        {
            return Simple("integer", "int64");
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return Simple("string", "date-time");
        }

        if (type == typeof(TimeSpan))
        {
            return new JsonObject { ["type"] = "string", ["description"] = "A duration, d.hh:mm:ss." };
        }

        if (Dictionary(type) is { } valueType)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Of(Nullable.GetUnderlyingType(valueType) ?? valueType) };
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetInterfaces().Append(type).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];
            return new JsonObject { ["type"] = "array", ["items"] = Of(Nullable.GetUnderlyingType(element) ?? element) };
        }

        if (type.IsEnum || IsComposite(type))
        {
            return Reference(type);
        }

        throw new InvalidOperationException($"The AsyncAPI generator has no JSON schema for {type.FullName}. Use Guid, string, bool, a number, a date, a list, a dictionary, an enum or a record.");
    }

    private static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
            ?.GetGenericArguments() is [var key, var value] && key == typeof(string) ? value : null;

    private JsonObject Reference(Type type)
    {
        var name = type.Name;
        if (named.TryGetValue(name, out var existing) && existing != type)
        {
            throw new InvalidOperationException($"Two contract types are named {name} ({existing.FullName}, {type.FullName}); give one another name so each has one schema.");
        }

        if (named.TryAdd(name, type))
        {
            components[name] = new JsonObject();
            components[name] = type.IsEnum ? Enum(type) : Record(type);
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    private JsonObject Enum(Type type)
    {
        var byName = type.GetCustomAttribute<JsonConverterAttribute>() is not null;
        var names = System.Enum.GetNames(type);
        var values = new JsonArray();
        var descriptions = new List<string>();
        var terminal = new JsonArray();
        foreach (var value in names)
        {
            values.Add(byName ? value : Convert.ToInt64(System.Enum.Parse(type, value), CultureInfo.InvariantCulture));
            descriptions.Add($"`{value}`: {docs.EnumValue(type, value)}");
            if (type.GetField(value)!.GetCustomAttribute<TerminalAttribute>() is not null)
            {
                terminal.Add(value);
            }
        }

        var schema = new JsonObject
        {
            ["type"] = byName ? "string" : "integer",
            ["description"] = (docs.Summary(type) is { } summary ? summary + " " : string.Empty) + string.Join(" ", descriptions),
            ["enum"] = values,
        };
        if (terminal.Count > 0)
        {
            schema["x-terminal"] = terminal;
        }

        return schema;
    }
}
