namespace OrderEats.Engine.OutboxCrashTarget;

/// <summary>Writes one effect row per handling (no unique key, so a second run of the handler would show) and forwards.</summary>
public sealed class RecordAndForwardHandler : IHandleMessages<RecordAndForward>
{
    /// <inheritdoc />
    public async Task Handle(RecordAndForward message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        await using var command = context.Storage.Connection.CreateCommand();
        command.Transaction = context.Storage.Transaction;
        command.CommandText = "INSERT INTO effects (message_key) VALUES (@key)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@key";
        parameter.Value = message.Key;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        await context.Send(new Forwarded(message.Key));
    }
}
