using System.ComponentModel.DataAnnotations;

namespace OrderEats.Engine.Contracts;

/// <summary>The member must have a value: a Guid other than <see cref="Guid.Empty"/>, a string that is not blank. Checked on every incoming message.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class NotEmptyAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute.</summary>
    public NotEmptyAttribute()
        : base("{0} must not be empty.")
    {
    }

    /// <inheritdoc />
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        Guid guid => guid != Guid.Empty,
        string text => !string.IsNullOrWhiteSpace(text),
        _ => true,
    };
}
