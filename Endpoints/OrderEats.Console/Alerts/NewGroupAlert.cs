namespace OrderEats.Console.Alerts;

/// <summary>The JSON payload POSTed to Console:AlertWebhook when a new failure group appears.</summary>
public sealed record NewGroupAlert(
    string Kind, string GroupId, string Grouping, string Title, string ExceptionType, string ExceptionMessage, string Endpoint, string MessageType,
    string FailureId, string MessageId, DateTimeOffset FirstSeen);
