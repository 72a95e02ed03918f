using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Api;

/// <summary>Maps outcomes to HTTP answers: problem details for not found, conflicts and invalid bodies.</summary>
internal static class ActionResults
{
    public static IResult Json(object value, int statusCode = StatusCodes.Status200OK) => Results.Json(value, ConsoleJson.Options, statusCode: statusCode);

    public static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what, string id) => Results.Problem($"{what} '{id}' does not exist.", statusCode: StatusCodes.Status404NotFound);

    public static IResult For(StatusChange change, string id, string action, string allowedFrom) =>
        !change.Found ? NotFound("Failure", id)
        : !change.Changed ? Results.Problem($"Failure '{id}' is {change.Current}; only {allowedFrom} failures can be {action}.", statusCode: StatusCodes.Status409Conflict)
        : Json(new { id, status = change.Current });

    public static async Task<(T? Value, IResult? Error)> ReadBody<T>(HttpContext context, string example)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ConsoleJson.Options, context.RequestAborted);
            return value is null ? (null, Invalid("body", "The body is empty; send " + example + ".")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), $"The body is not valid: {e.Message} Send {example}."));
        }
    }
}
