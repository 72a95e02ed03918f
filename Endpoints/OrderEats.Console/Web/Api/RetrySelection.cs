namespace OrderEats.Console.Web.Api;

/// <summary>The body of POST /api/failures/retry.</summary>
internal sealed record RetrySelection(IReadOnlyList<string>? Ids);
