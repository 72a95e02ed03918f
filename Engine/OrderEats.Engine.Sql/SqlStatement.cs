using System.Data.Common;

namespace OrderEats.Engine.Sql;

// One parameterized statement the unit of work may send later, in a batch with others.
internal sealed record SqlStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)
{
    public DbCommand ToCommand(SqlUnitOfWork session)
    {
        var command = session.CreateCommand(Sql);
        foreach (var (name, value) in Parameters)
        {
            command.With(name, value);
        }

        return command;
    }

    public void AddTo(DbBatch batch)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = Sql;
        foreach (var (name, value) in Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(command);
    }
}
