using System.Data.Common;
using Dapper;
using OrderEats.Messages;
using OrderEats.Orders.Data;
using OrderEats.Orders.Http;
using OrderEats.Orders.Validation;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Catalog;

/// <summary>The restaurants, their menus and the customers the Orders service prices and places orders with.</summary>
public sealed class CatalogStore
{
    private readonly OrdersDatabase database;
    private readonly TimeProvider time;

    internal CatalogStore(OrdersDatabase database, TimeProvider time)
    {
        this.database = database;
        this.time = time;
    }

    /// <summary>Adds a restaurant with its menu.</summary>
    /// <exception cref="RequestValidationException">The name is missing, the menu has not 1 to 100 items, or an item has no name, a price of zero or less, or a currency that is not an ISO 4217 code in use.</exception>
    public async Task<Restaurant> CreateRestaurant(CreateRestaurantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CatalogRules.Validate(request).ThrowIfAny();
        var menu = request.Menu;
        var restaurant = new Restaurant(
            Guid.NewGuid(),
            request.Name.Trim(),
            [.. menu.Select(m => new MenuItem(Guid.NewGuid(), m.Name.Trim(), new Money(m.Price, m.Currency.ToUpperInvariant())))]);
        await using var connection = await database.Open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(DapperSql.Command(
            "INSERT INTO restaurants (id, name, created_at) VALUES (@Id, @Name, @at)", new { restaurant.Id, restaurant.Name, at = time.GetUtcNow() }, transaction, cancellationToken));
        await connection.ExecuteAsync(DapperSql.Command(
            "INSERT INTO menu_items (id, restaurant_id, name, price, currency, sort_order) VALUES (@id, @restaurant, @name, @price, @currency, @order)",
            restaurant.Menu.Select((item, i) => new { id = item.Id, restaurant = restaurant.Id, name = item.Name, price = item.Price.Amount, currency = item.Price.Currency, order = i }),
            transaction,
            cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return restaurant;
    }

    /// <summary>Every restaurant with its menu, by name.</summary>
    public async Task<IReadOnlyList<Restaurant>> ListRestaurants(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var names = await connection.QueryAsync<RestaurantRow>(DapperSql.Command("SELECT id AS Id, name AS Name FROM restaurants ORDER BY name, id", null, null, cancellationToken));
        var menus = await ReadMenus(connection, null, null, cancellationToken);
        return [.. names.Select(r => new Restaurant(r.Id, r.Name, menus.TryGetValue(r.Id, out var menu) ? menu : []))];
    }

    /// <summary>The restaurant <paramref name="id"/> with its menu, or null when there is none.</summary>
    public async Task<Restaurant?> GetRestaurant(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await GetRestaurant(connection, null, id, cancellationToken);
    }

    /// <summary>Registers a customer.</summary>
    /// <exception cref="RequestValidationException">The name is missing or the email address is not valid.</exception>
    /// <exception cref="RequestConflictException">A customer with this email address exists already.</exception>
    public async Task<Customer> CreateCustomer(CreateCustomerRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CatalogRules.Validate(request).ThrowIfAny();
        var customer = new Customer(Guid.NewGuid(), request.Name.Trim(), request.Email.Trim().ToLowerInvariant());
        await using var connection = await database.Open(cancellationToken);
        try
        {
            await connection.ExecuteAsync(DapperSql.Command(
                "INSERT INTO customers (id, name, email) VALUES (@Id, @Name, @Email)", new { customer.Id, customer.Name, customer.Email }, null, cancellationToken));
        }
        catch (DbException)
        {
            // The unique index on email decides races; anything else is a real database failure.
            var existing = await FindCustomerByEmail(connection, customer.Email, cancellationToken);
            if (existing is null)
            {
                throw;
            }

            throw new RequestConflictException(
                $"A customer with email {customer.Email} is registered already (customer {existing}). Use that customer or register another email address.");
        }

        return customer;
    }

    /// <summary>The customer <paramref name="id"/>, or null when there is none.</summary>
    public async Task<Customer?> GetCustomer(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Customer?>(DapperSql.Command(
            "SELECT id AS Id, name AS Name, email AS Email FROM customers WHERE id = @id", new { id }, null, cancellationToken));
    }

    internal static async Task<bool> CustomerExists(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(DapperSql.Command("SELECT COUNT(*) FROM customers WHERE id = @id", new { id }, transaction, cancellationToken)) > 0;

    internal static async Task<Restaurant?> GetRestaurant(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        var name = await connection.ExecuteScalarAsync<string?>(DapperSql.Command("SELECT name FROM restaurants WHERE id = @id", new { id }, transaction, cancellationToken));
        if (name is null)
        {
            return null;
        }

        var menus = await ReadMenus(connection, transaction, id, cancellationToken);
        return new Restaurant(id, name, menus.TryGetValue(id, out var menu) ? menu : []);
    }

    private static async Task<Dictionary<Guid, List<MenuItem>>> ReadMenus(DbConnection connection, DbTransaction? transaction, Guid? restaurantId, CancellationToken cancellationToken)
    {
        var sql = "SELECT restaurant_id AS RestaurantId, id AS Id, name AS Name, price AS Price, currency AS Currency FROM menu_items"
            + (restaurantId is null ? string.Empty : " WHERE restaurant_id = @restaurantId")
            + " ORDER BY restaurant_id, sort_order";
        var menus = new Dictionary<Guid, List<MenuItem>>();
        foreach (var row in await connection.QueryAsync<MenuRow>(DapperSql.Command(sql, new { restaurantId }, transaction, cancellationToken)))
        {
            if (!menus.TryGetValue(row.RestaurantId, out var menu))
            {
                menu = [];
                menus[row.RestaurantId] = menu;
            }

            menu.Add(new MenuItem(row.Id, row.Name, new Money(row.Price, row.Currency)));
        }

        return menus;
    }

    private static Task<Guid?> FindCustomerByEmail(DbConnection connection, string email, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(DapperSql.Command("SELECT id FROM customers WHERE email = @email", new { email }, null, cancellationToken));

    private sealed class RestaurantRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;
    }

    private sealed class MenuRow
    {
        public Guid RestaurantId { get; init; }

        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public decimal Price { get; init; }

        public string Currency { get; init; } = string.Empty;
    }
}
