namespace OrderEats.Engine.Persistence;

/// <summary>How one saga type is stored.</summary>
/// <param name="SagaType">The saga's contract name (full type name).</param>
/// <param name="TableName">A short, stable table name (the saga's class name).</param>
/// <param name="CorrelationProperty">The saga data property messages are correlated on.</param>
/// <param name="CorrelationType">Its type: Guid, string, int or long.</param>
public sealed record SagaStorageDefinition(string SagaType, string TableName, string CorrelationProperty, Type CorrelationType);
