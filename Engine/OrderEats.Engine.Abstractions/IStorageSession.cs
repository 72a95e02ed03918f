using System.Data.Common;

namespace OrderEats.Engine;

/// <summary>The unit of work of one message: saga state, outbox and business data commit or roll back together.</summary>
public interface IStorageSession
{
    /// <summary>The open connection of this unit of work.</summary>
    /// <exception cref="InvalidOperationException">The configured persistence keeps no database connection.</exception>
    DbConnection Connection { get; }

    /// <summary>The transaction of this unit of work; enlist every command in it.</summary>
    /// <exception cref="InvalidOperationException">The configured persistence keeps no database transaction.</exception>
    DbTransaction Transaction { get; }
}
