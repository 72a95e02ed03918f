using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderEats.Orders.Validation;

// What a place-order request must look like before the database is asked, and the fingerprint that tells a repeat from a conflict.
internal static class PlaceOrderRules
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 100;

    public static ValidationErrors Validate(PlaceOrderRequest request)
    {
        var errors = new ValidationErrors();
        if (request.OrderId == Guid.Empty)
        {
            errors.Add("orderId", "orderId is required: a non-empty GUID chosen by the client, so that sending the order again places it once.");
        }

        if (request.CustomerId == Guid.Empty)
        {
            errors.Add("customerId", "customerId is required: the id of a customer created with POST /customers.");
        }

        if (request.RestaurantId == Guid.Empty)
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
            var line = lines[i];
            if (line is null)
            {
                errors.Add($"lines[{i}]", "The line is missing: send an object with menuItemId and quantity.");
                continue;
            }

            if (line.MenuItemId == Guid.Empty)
            {
                errors.Add($"lines[{i}].menuItemId", "menuItemId is required: the id of an item on the restaurant's menu.");
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                errors.Add($"lines[{i}].quantity", $"The quantity is {line.Quantity}; it must be between 1 and {MaxQuantity}.");
            }
        }

        return errors;
    }

    public static string Hash(PlaceOrderRequest request)
    {
        var content = new StringBuilder()
            .Append(request.CustomerId.ToString("D")).Append('|')
            .Append(request.RestaurantId.ToString("D"));
        foreach (var line in request.Lines)
        {
            content.Append('|').Append(line.MenuItemId.ToString("D")).Append('x').Append(line.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }
}
