using System.Data.Common;
using OrderEats.Engine.Sql;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Data;

// The Orders service's own database, as the classes of this service receive it (value conversions are DapperSql' Dapper type handlers).
internal sealed class OrdersDatabase(EndpointDatabase database)
{
    public EndpointDatabase Database { get; } = database;

    public SqlDialectKind Kind => Database.Kind;

    public Task<DbConnection> Open(CancellationToken cancellationToken = default) => Database.Open(cancellationToken);
}
