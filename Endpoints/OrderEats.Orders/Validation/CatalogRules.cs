using System.Globalization;
using OrderEats.Orders.Http;

namespace OrderEats.Orders.Validation;

// The rules for restaurants and customers; errors are keyed by the JSON field they concern.
internal static class CatalogRules
{
    public const int MaxMenuItems = 100;
    public const decimal MaxPrice = 100_000m;

    public static ValidationErrors Validate(CreateRestaurantRequest request)
    {
        var errors = new ValidationErrors();
        Rules.Name(errors, "name", request.Name, "The restaurant's name");
        var menu = request.Menu ?? [];
        if (menu.Count == 0)
        {
            errors.Add("menu", "The menu needs at least one item.");
        }
        else if (menu.Count > MaxMenuItems)
        {
            errors.Add("menu", $"The menu has {menu.Count} items; at most {MaxMenuItems} are allowed.");
        }

        for (var i = 0; i < Math.Min(menu.Count, MaxMenuItems); i++)
        {
            var item = menu[i];
            var field = $"menu[{i}]";
            if (item is null)
            {
                errors.Add(field, "The menu item is missing: send an object with name, price and currency.");
                continue;
            }

            Rules.Name(errors, field + ".name", item.Name, "The item's name");
            if (item.Price <= 0)
            {
                errors.Add(field + ".price", $"The price is {item.Price.ToString(CultureInfo.InvariantCulture)}; it must be greater than zero.");
            }
            else if (item.Price > MaxPrice || decimal.Round(item.Price, 2) != item.Price)
            {
                // Amounts are stored as decimal(18,2): more digits would be rounded away silently.
                errors.Add(field + ".price", $"The price is {item.Price.ToString(CultureInfo.InvariantCulture)}; use at most two decimal places and at most {MaxPrice.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (!Rules.IsCurrency(item.Currency))
            {
                errors.Add(field + ".currency", $"The currency '{item.Currency}' is not an ISO 4217 currency code in use, such as EUR.");
            }
        }

        return errors;
    }

    public static ValidationErrors Validate(CreateCustomerRequest request)
    {
        var errors = new ValidationErrors();
        Rules.Name(errors, "name", request.Name, "The customer's name");
        if (!Rules.IsEmail(request.Email))
        {
            errors.Add("email", $"'{request.Email}' is not a valid email address; use the form name@example.com.");
        }

        return errors;
    }
}
