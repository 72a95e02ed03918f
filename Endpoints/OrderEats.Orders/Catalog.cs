using System.Data.Common;
using System.Globalization;
using OrderEats.Messages;
using OrderEats.Orders.Data;
using OrderEats.Orders.Http;
using OrderEats.Orders.Validation;

namespace OrderEats.Orders;

/// <summary>The restaurants, their menus and the customers the Orders service prices and places orders with.</summary>
public sealed class Catalog
{
    private readonly OrdersDatabase database;
    private readonly TimeProvider time;

    internal Catalog(OrdersDatabase database, TimeProvider time)
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
        await using (var insert = database.Command(
            connection, transaction, "INSERT INTO restaurants (id, name, created_at) VALUES (@id, @name, @at)",
            ("@id", restaurant.Id), ("@name", restaurant.Name), ("@at", time.GetUtcNow())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < restaurant.Menu.Count; i++)
        {
            var item = restaurant.Menu[i];
            await using var insert = database.Command(
                connection,
                transaction,
                "INSERT INTO menu_items (id, restaurant_id, name, price, currency, sort_order) VALUES (@id, @restaurant, @name, @price, @currency, @order)",
                ("@id", item.Id), ("@restaurant", restaurant.Id), ("@name", item.Name), ("@price", item.Price.Amount), ("@currency", item.Price.Currency), ("@order", i));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return restaurant;
    }

    /// <summary>Every restaurant with its menu, by name.</summary>
    public async Task<IReadOnlyList<Restaurant>> ListRestaurants(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.Open(cancellationToken);
        var names = new List<(Guid Id, string Name)>();
        await using (var command = database.Command(connection, null, "SELECT id, name FROM restaurants ORDER BY name, id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add((OrdersDatabase.ReadGuid(reader, 0), reader.GetString(1)));
            }
        }

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
            await using var insert = database.Command(
                connection, null, "INSERT INTO customers (id, name, email) VALUES (@id, @name, @email)",
                ("@id", customer.Id), ("@name", customer.Name), ("@email", customer.Email));
            await insert.ExecuteNonQueryAsync(cancellationToken);
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
        await using var command = database.Command(connection, null, "SELECT id, name, email FROM customers WHERE id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Customer(OrdersDatabase.ReadGuid(reader, 0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    internal async Task<bool> CustomerExists(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, transaction, "SELECT COUNT(*) FROM customers WHERE id = @id", ("@id", id));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    internal async Task<Restaurant?> GetRestaurant(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        string? name;
        await using (var command = database.Command(connection, transaction, "SELECT name FROM restaurants WHERE id = @id", ("@id", id)))
        {
            name = await command.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (name is null)
        {
            return null;
        }

        var menus = await ReadMenus(connection, transaction, id, cancellationToken);
        return new Restaurant(id, name, menus.TryGetValue(id, out var menu) ? menu : []);
    }

    private async Task<Dictionary<Guid, List<MenuItem>>> ReadMenus(DbConnection connection, DbTransaction? transaction, Guid? restaurantId, CancellationToken cancellationToken)
    {
        var sql = "SELECT restaurant_id, id, name, price, currency FROM menu_items"
            + (restaurantId is null ? string.Empty : " WHERE restaurant_id = @restaurant")
            + " ORDER BY restaurant_id, sort_order";
        await using var command = restaurantId is { } id
            ? database.Command(connection, transaction, sql, ("@restaurant", id))
            : database.Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var menus = new Dictionary<Guid, List<MenuItem>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var restaurant = OrdersDatabase.ReadGuid(reader, 0);
            if (!menus.TryGetValue(restaurant, out var menu))
            {
                menu = [];
                menus[restaurant] = menu;
            }

            menu.Add(new MenuItem(OrdersDatabase.ReadGuid(reader, 1), reader.GetString(2), new Money(OrdersDatabase.ReadDecimal(reader, 3), reader.GetString(4))));
        }

        return menus;
    }

    private async Task<Guid?> FindCustomerByEmail(DbConnection connection, string email, CancellationToken cancellationToken)
    {
        await using var command = database.Command(connection, null, "SELECT id FROM customers WHERE email = @email", ("@email", email));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? OrdersDatabase.ReadGuid(reader, 0) : null;
    }
}
