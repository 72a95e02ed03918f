using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderEats.Engine.Contracts;

/// <summary>
/// Checks a deserialized message against the rules its type declares: validation attributes (<c>[Range]</c>, <c>[StringLength]</c>,
/// <c>[MinLength]</c>, <see cref="NotEmptyAttribute"/>, … on the property or the record's constructor parameter) and enum values that exist,
/// through nested records and collections. Returns every violation with the member's JSON path (<c>lines[0].quantity</c>).
/// </summary>
public sealed class ContractValidator
{
    private const int MaxDepth = 32;
    private readonly JsonNamingPolicy? naming;
    private readonly ConcurrentDictionary<Type, IReadOnlyList<ContractMember>> members = new();

    /// <summary>Creates a validator that names members as <paramref name="options"/> writes them.</summary>
    public ContractValidator(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        naming = options.PropertyNamingPolicy;
    }

    /// <summary>Every rule <paramref name="message"/> breaks, as (JSON path, what is wrong); empty when it satisfies its contract.</summary>
    public IReadOnlyList<(string Path, string Error)> Validate(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new List<(string, string)>();
        Walk(message, string.Empty, 0, errors);
        return errors;
    }

    /// <summary>The members of <paramref name="type"/> the check walks (public readable instance properties).</summary>
    internal IReadOnlyList<ContractMember> MembersOf(Type type) => members.GetOrAdd(type, Describe);

    private static bool IsComposite(Type type) =>
        type is { IsPrimitive: false, IsEnum: false, IsPointer: false } && type != typeof(string) && type != typeof(decimal)
        && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private static Type? ElementOf(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null ? null : Nullable.GetUnderlyingType(element) ?? element;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private void Walk(object value, string path, int depth, List<(string, string)> errors)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var member in MembersOf(value.GetType()))
        {
            var memberPath = Join(path, member.JsonName);
            var memberValue = member.Property.GetValue(value);
            foreach (var rule in member.Rules)
            {
                if (!rule.IsValid(memberValue))
                {
                    errors.Add((memberPath, rule.FormatErrorMessage(member.JsonName)));
                }
            }

            Check(memberValue, member.ValueType, memberPath, depth, errors);
            if (member.ElementType is { } elementType && memberValue is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    Check(item, elementType, string.Create(CultureInfo.InvariantCulture, $"{memberPath}[{index++}]"), depth, errors);
                }
            }
        }
    }

    private void Check(object? value, Type type, string path, int depth, List<(string, string)> errors)
    {
        if (value is null)
        {
            return;
        }

        if (type.IsEnum)
        {
            if (type.GetCustomAttribute<FlagsAttribute>() is null && !Enum.IsDefined(type, value))
            {
                errors.Add((path, $"{Convert.ToString(Convert.ChangeType(value, Enum.GetUnderlyingType(type), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} is not a {type.Name}; use one of {string.Join(", ", Enum.GetNames(type))}."));
            }
        }
        else if (IsComposite(type) && ElementOf(type) is null)
        {
            Walk(value, path, depth + 1, errors);
        }
    }

    private IReadOnlyList<ContractMember> Describe(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var result = new List<ContractMember>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var rules = property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToList();
            if (parameters.TryGetValue(property.Name, out var parameter))
            {
                rules.AddRange(parameter.GetCustomAttributes<ValidationAttribute>().Where(a => !rules.Contains(a)));
            }

            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? naming?.ConvertName(property.Name) ?? property.Name;
            var element = ElementOf(valueType);
            if (rules.Count > 0 || valueType.IsEnum || IsComposite(valueType) || (element is not null && (element.IsEnum || IsComposite(element))))
            {
                result.Add(new ContractMember(name, property, rules, valueType, element is not null && (element.IsEnum || IsComposite(element)) ? element : null));
            }
        }

        return result;
    }
}
