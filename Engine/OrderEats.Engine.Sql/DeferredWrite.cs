namespace OrderEats.Engine.Sql;

// A write the unit of work may hold back for its commit. Translate turns the database's error for it into the engine's exception (null: not
// its error); Affected checks the row count where the write runs on its own (a batched write checks itself in SQL).
internal sealed record DeferredWrite(SqlStatement Statement, Func<Exception, Exception?> Translate, Func<int, Exception?>? Affected = null);
