using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.Console.Security;
using OrderEats.Console.Storage;

namespace OrderEats.Console.Web.Api;

/// <summary>The JSON API; it mirrors the pages. Readers may GET; only Operators may POST actions.</summary>
internal static class ApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Readers);
        var operate = api.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Operators);

        read.MapGet("/failures", async (HttpContext context, FailureQueries queries) =>
        {
            var (filter, errors) = FilterParser.Failures(context.Request.Query);
            return errors.Count > 0 ? Results.ValidationProblem(errors) : ActionResults.Json(await queries.List(filter, context.RequestAborted));
        });
        read.MapGet("/failures/{id}", async (string id, FailureQueries queries, CancellationToken cancellationToken) =>
            await queries.Detail(id, cancellationToken) is { } detail ? ActionResults.Json(detail) : ActionResults.NotFound("Failure", id));
        read.MapGet("/failures/{id}/body", Pages.FailurePages.Body);
        read.MapGet("/groups", async (string? by, FailureQueries queries, CancellationToken cancellationToken) =>
            FilterParser.Grouping(by) is { } kind
                ? ActionResults.Json(await queries.Groups(kind, cancellationToken))
                : ActionResults.Invalid("by", $"'{by}' is not a grouping; use exception, endpoint or type."));
        read.MapGet("/groups/{id}", async (string id, HttpContext context, FailureQueries queries) =>
        {
            if (await queries.Group(id, context.RequestAborted) is not { } group)
            {
                return ActionResults.NotFound("Group", id);
            }

            var (filter, errors) = FilterParser.Failures(context.Request.Query);
            return errors.Count > 0 ? Results.ValidationProblem(errors)
                : ActionResults.Json(new { group, failures = await queries.List(filter with { GroupId = id }, context.RequestAborted) });
        });
        read.MapGet("/events", async (HttpContext context, FailureQueries queries) =>
        {
            var limitText = context.Request.Query["limit"].ToString();
            var limit = 100;
            if (limitText.Length > 0 && (!int.TryParse(limitText, out limit) || limit < 1 || limit > 1000))
            {
                return ActionResults.Invalid("limit", $"'{limitText}' is not a whole number from 1 to 1000.");
            }

            var failure = context.Request.Query["failureId"].ToString();
            return ActionResults.Json(await queries.Events(limit, failure.Length > 0 ? failure : null, context.RequestAborted));
        });
        read.MapGet("/dashboard", async (FailureQueries queries, CancellationToken cancellationToken) => ActionResults.Json(new
        {
            counts = await queries.CountByStatus(cancellationToken),
            groups = (await queries.Groups(GroupingKind.Exception, cancellationToken)).Take(10),
            events = await queries.Events(20, null, cancellationToken),
        }));

        operate.MapPost("/failures/{id}/retry", async (string id, HttpContext context, RetryService retries) =>
        {
            var result = await retries.Retry(new RetryScope(Ids: [id]), User(context), context.RequestAborted);
            return result.Unknown.Count > 0 ? ActionResults.NotFound("Failure", id)
                : result.Issued.Count == 0 ? Results.Problem($"Failure '{id}' is not Unresolved; only unresolved failures can be retried.", statusCode: StatusCodes.Status409Conflict)
                : ActionResults.Json(result, StatusCodes.Status202Accepted);
        });
        operate.MapPost("/failures/retry", async (HttpContext context, RetryService retries) =>
        {
            var (selection, error) = await ActionResults.ReadBody<RetrySelection>(context, "{\"ids\": [\"<failure id>\", ...]}");
            if (error is not null)
            {
                return error;
            }

            if (selection!.Ids is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
            {
                return ActionResults.Invalid("ids", "Give at least one failure id, none empty.");
            }

            var result = await retries.Retry(new RetryScope(Ids: ids), User(context), context.RequestAborted);
            return result.Unknown.Count > 0 && result.Issued.Count == 0 && result.Skipped.Count == 0
                ? ActionResults.Invalid("ids", $"No failure has the id(s) {string.Join(", ", result.Unknown)}.")
                : ActionResults.Json(result, StatusCodes.Status202Accepted);
        });
        operate.MapPost("/groups/{id}/retry", async (string id, HttpContext context, FailureQueries queries, RetryService retries) =>
            await queries.Group(id, context.RequestAborted) is null
                ? ActionResults.NotFound("Group", id)
                : ActionResults.Json(await retries.Retry(new RetryScope(GroupId: id), User(context), context.RequestAborted), StatusCodes.Status202Accepted));
        operate.MapPost("/failures/retry-all", async (HttpContext context, RetryService retries) =>
            ActionResults.Json(await retries.Retry(new RetryScope(All: true), User(context), context.RequestAborted), StatusCodes.Status202Accepted));
        operate.MapPost("/failures/archive", (HttpContext context, RetryService retries) => Selection(context, retries, archive: true));
        operate.MapPost("/failures/restore", (HttpContext context, RetryService retries) => Selection(context, retries, archive: false));
        operate.MapPost("/groups/{id}/archive", async (string id, HttpContext context, FailureQueries queries, RetryService retries) =>
            await queries.Group(id, context.RequestAborted) is null
                ? ActionResults.NotFound("Group", id)
                : ActionResults.Json(await retries.ArchiveOrRestore(new RetryScope(GroupId: id), archive: true, User(context), context.RequestAborted)));
        operate.MapPost("/groups/{id}/restore", async (string id, HttpContext context, FailureQueries queries, RetryService retries) =>
            await queries.Group(id, context.RequestAborted) is null
                ? ActionResults.NotFound("Group", id)
                : ActionResults.Json(await retries.ArchiveOrRestore(new RetryScope(GroupId: id), archive: false, User(context), context.RequestAborted)));
        operate.MapPost("/failures/{id}/archive", async (string id, HttpContext context, RetryService retries) =>
            ActionResults.For(await retries.Archive(id, User(context), context.RequestAborted), id, "archived", "Unresolved or RetryIssued"));
        operate.MapPost("/failures/{id}/restore", async (string id, HttpContext context, RetryService retries) =>
            ActionResults.For(await retries.Restore(id, User(context), context.RequestAborted), id, "restored", "Archived"));
        operate.MapPost("/failures/{id}/edit-retry", async (string id, HttpContext context, ConsoleOptions options, RetryService retries) =>
        {
            if (!options.AllowEditAndRetry)
            {
                return Results.Problem(
                    "Edit-and-retry is disabled. Set Console:AllowEditAndRetry=true to allow operators to send edited copies.", statusCode: StatusCodes.Status403Forbidden);
            }

            var (request, error) = await ActionResults.ReadBody<EditRetryRequest>(context, "{\"body\": \"<the edited JSON body as a string>\"}");
            if (error is not null)
            {
                return error;
            }

            if (ValidateJson(request!.Body) is { } invalid)
            {
                return ActionResults.Invalid("body", invalid);
            }

            var change = await retries.EditAndRetry(id, request.Body!, User(context), context.RequestAborted);
            return change.Changed
                ? ActionResults.Json(new { id, status = change.Current, retryId = change.RetryId, newMessageId = change.NewMessageId }, StatusCodes.Status202Accepted)
                : ActionResults.For(change, id, "edited and retried", "Unresolved");
        });
    }

    private static async Task<IResult> Selection(HttpContext context, RetryService retries, bool archive)
    {
        var (selection, error) = await ActionResults.ReadBody<RetrySelection>(context, "{\"ids\": [\"<failure id>\", ...]}");
        if (error is not null)
        {
            return error;
        }

        if (selection!.Ids is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
        {
            return ActionResults.Invalid("ids", "Give at least one failure id, none empty.");
        }

        var result = await retries.ArchiveOrRestore(new RetryScope(Ids: ids), archive, User(context), context.RequestAborted);
        return result.Unknown.Count > 0 && result.Issued.Count == 0 && result.Skipped.Count == 0
            ? ActionResults.Invalid("ids", $"No failure has the id(s) {string.Join(", ", result.Unknown)}.")
            : ActionResults.Json(result);
    }

    public static string? ValidateJson(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "The edited body is empty; give the message's JSON.";
        }

        try
        {
            using var _ = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            return $"The edited body is not valid JSON: {e.Message}";
        }
    }

    public static string User(HttpContext context) => context.User.Identity?.Name ?? "unknown";
}
