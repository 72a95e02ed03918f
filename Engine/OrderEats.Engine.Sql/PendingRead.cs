using System.Data.Common;

namespace OrderEats.Engine.Sql;

// A read announced ahead (a saga load): sent with the unit of work's next read, its result kept under Key until the load asks for it.
internal sealed record PendingRead(string Key, SqlStatement Statement, Func<DbDataReader, CancellationToken, Task<object?>> Read);
