using System.Globalization;
using OrderEats.Engine;
using OrderEats.Messages;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Validation;

namespace OrderEats.Orders.Placement;

// Prices a well-formed request from the catalog: the customer and the restaurant must exist and every item be on its menu; names, prices and the
// total are the menu's, and one the sender gave anyway must agree with them.
internal static class OrderPricing
{
    public static async Task<(PricedOrder? Order, ValidationErrors Errors)> Price(OrderRequest request, IStorageSession storage, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var customerId = request.CustomerId!.Value;
        var restaurantId = request.RestaurantId!.Value;
        if (!await CatalogStore.CustomerExists(storage.Connection, storage.Transaction, customerId, cancellationToken))
        {
            errors.Add("customerId", $"There is no customer {customerId}. Create the customer with POST /customers first.");
        }

        var restaurant = await CatalogStore.GetRestaurant(storage.Connection, storage.Transaction, restaurantId, cancellationToken);
        if (restaurant is null)
        {
            errors.Add("restaurantId", $"There is no restaurant {restaurantId}. Pick one from GET /restaurants.");
            return (null, errors);
        }

        var menu = restaurant.Menu.ToDictionary(m => m.Id);
        var lines = new List<OrderLine>();
        var requested = request.Lines!;
        for (var i = 0; i < requested.Count; i++)
        {
            var line = requested[i]!;
            if (!menu.TryGetValue(line.MenuItemId!.Value, out var item))
            {
                errors.Add($"lines[{i}].menuItemId", $"Menu item {line.MenuItemId} is not on the menu of restaurant {restaurant.Name} ({restaurant.Id}); see GET /restaurants/{restaurant.Id}.");
                continue;
            }

            if (line.Name is { } name && !string.Equals(name.Trim(), item.Name, StringComparison.Ordinal))
            {
                errors.Add($"lines[{i}].name", $"The name sent is not the menu's name of item {item.Id}, '{item.Name}'. Leave name out: the menu names the item.");
            }

            if (line.UnitPrice is { } price && !Same(price, item.Price))
            {
                errors.Add($"lines[{i}].unitPrice", $"The unit price sent, {Show(price)}, is not the menu price of '{item.Name}', {Show(item.Price)}. Leave unitPrice out: prices come from the menu.");
            }

            lines.Add(new OrderLine(item.Id, item.Name, (int)line.Quantity!.Value, item.Price));
        }

        var currencies = lines.Select(l => l.UnitPrice.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            errors.Add("lines", $"An order is paid in one currency, but these lines are priced in {string.Join(", ", currencies)}. Place one order per currency.");
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var total = new Money(lines.Sum(l => l.UnitPrice.Amount * l.Quantity), currencies[0]);
        if (request.Total is { } sent && !Same(sent, total))
        {
            errors.Add("total", $"The total sent, {Show(sent)}, is not the sum of the lines at menu prices, {Show(total)}. Leave total out: the service computes it.");
            return (null, errors);
        }

        return (new PricedOrder(customerId, restaurantId, lines, total), errors);
    }

    private static bool Same(Money sent, Money menu) =>
        sent.Amount == menu.Amount && string.Equals(sent.Currency, menu.Currency, StringComparison.Ordinal);

    // Only amounts and known currency codes are echoed: a sender's text never comes back verbatim.
    private static string Show(Money money) => string.Create(CultureInfo.InvariantCulture, $"{money.Amount:0.00##} {(Currencies.IsKnown(money.Currency) ? money.Currency : "(an unknown currency)")}");
}
