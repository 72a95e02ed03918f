namespace OrderEats.Console.Web.Api;

/// <summary>The body of POST /api/failures/{id}/edit-retry: the new JSON body, as a string.</summary>
internal sealed record EditRetryRequest(string? Body);
