using System.Net.Mail;
using OrderEats.Messages;

namespace OrderEats.Orders.Validation;

// The field rules shared by the catalog and order placement.
internal static class Rules
{
    public const int MaxNameLength = 200;

    public static bool IsCurrency(string? currency) => Currencies.IsKnown(currency?.ToUpperInvariant());

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return false;
        }

        var trimmed = email.Trim();
        return MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    public static void Name(ValidationErrors errors, string field, string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, $"{what} is required.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(field, $"{what} is {name.Trim().Length} characters long; at most {MaxNameLength} are allowed.");
        }
    }
}
