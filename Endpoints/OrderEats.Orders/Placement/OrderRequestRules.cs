using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderEats.Messages;
using OrderEats.Orders.Validation;

namespace OrderEats.Orders.Placement;

// What a request must look like before the catalog is asked, and the fingerprint that tells a repeat from a conflict.
internal static class OrderRequestRules
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 100;

    public static ValidationErrors Validate(OrderRequest request)
    {
        var errors = new ValidationErrors();
        if (request.OrderId == Guid.Empty)
        {
            errors.Add("orderId", "orderId is required: a non-empty GUID chosen by the client, so that sending the order again places it once.");
        }

        if (request.CustomerId is null || request.CustomerId == Guid.Empty)
        {
            errors.Add("customerId", "customerId is required: the id of a customer created with POST /customers.");
        }

        if (request.RestaurantId is null || request.RestaurantId == Guid.Empty)
        {
            errors.Add("restaurantId", "restaurantId is required: the id of a restaurant created with POST /restaurants.");
        }

        var lines = request.Lines ?? [];
        if (lines.Count == 0)
        {
            errors.Add("lines", "An order needs at least one line.");
        }
        else if (lines.Count > MaxLines)
        {
            errors.Add("lines", $"The order has {lines.Count} lines; at most {MaxLines} are allowed.");
        }

        for (var i = 0; i < Math.Min(lines.Count, MaxLines); i++)
        {
            Line(errors, $"lines[{i}]", lines[i]);
        }

        if (request.Total is { } total && !Currencies.IsKnown(total.Currency))
        {
            errors.Add("total.currency", "The currency of the total is not an ISO 4217 code in use, such as EUR. Leave total out: the service computes it.");
        }

        return errors;
    }

    public static string Hash(OrderRequest request)
    {
        var content = new StringBuilder()
            .Append(Id(request.CustomerId)).Append('|')
            .Append(Id(request.RestaurantId));
        foreach (var line in request.Lines ?? [])
        {
            content.Append('|').Append(Id(line?.MenuItemId)).Append('x').Append(line?.Quantity is { } q ? Quantity(q) : "-");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }

    private static void Line(ValidationErrors errors, string field, OrderRequestLine? line)
    {
        if (line is null)
        {
            errors.Add(field, "The line is missing: send an object with menuItemId and quantity.");
            return;
        }

        if (line.MenuItemId is null || line.MenuItemId == Guid.Empty)
        {
            errors.Add(field + ".menuItemId", "menuItemId is required: the id of an item on the restaurant's menu.");
        }

        if (line.Quantity is not { } quantity)
        {
            errors.Add(field + ".quantity", $"quantity is required: a whole number from 1 to {MaxQuantity}.");
        }
        else if (quantity is < 1 or > MaxQuantity || decimal.Truncate(quantity) != quantity)
        {
            errors.Add(field + ".quantity", $"The quantity is {Quantity(quantity)}; it must be a whole number between 1 and {MaxQuantity}.");
        }

        if (line.UnitPrice is { } price && !Currencies.IsKnown(price.Currency))
        {
            errors.Add(field + ".unitPrice.currency", "The currency of the unit price is not an ISO 4217 code in use, such as EUR. Leave unitPrice out: prices come from the menu.");
        }
    }

    // Kept as the first version wrote it (customer|restaurant|item x quantity), so orders stored before still recognise their repeats.
    private static string Id(Guid? id) => id is { } value && value != Guid.Empty ? value.ToString("D") : "-";

    private static string Quantity(decimal quantity) => decimal.Truncate(quantity) == quantity
        ? decimal.ToInt64(Math.Clamp(quantity, long.MinValue, long.MaxValue)).ToString(CultureInfo.InvariantCulture)
        : quantity.ToString(CultureInfo.InvariantCulture);
}
