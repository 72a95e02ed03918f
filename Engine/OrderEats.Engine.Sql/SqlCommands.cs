using System.Data.Common;

namespace OrderEats.Engine.Sql;

internal static class SqlCommands
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
