namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>The database a fixture runs the Orders service on.</summary>
public enum Store
{
    Sqlite,
    PostgreSql,
}
