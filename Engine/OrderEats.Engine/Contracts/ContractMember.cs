using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace OrderEats.Engine.Contracts;

/// <summary>One public member of a message type as the contract check sees it: its JSON name, its declared rules and what lies beneath it.</summary>
/// <param name="JsonName">The name on the wire (camelCase unless <c>[JsonPropertyName]</c> says otherwise).</param>
/// <param name="Property">The property read.</param>
/// <param name="Rules">Validation attributes declared on the property or on the record's constructor parameter of the same name.</param>
/// <param name="ValueType">The member's type, without <see cref="Nullable{T}"/>.</param>
/// <param name="ElementType">For a collection, its element type (without <see cref="Nullable{T}"/>); otherwise null.</param>
internal sealed record ContractMember(string JsonName, PropertyInfo Property, IReadOnlyList<ValidationAttribute> Rules, Type ValueType, Type? ElementType);
