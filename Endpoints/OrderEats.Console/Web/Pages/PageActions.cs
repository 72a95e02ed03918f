using Microsoft.AspNetCore.Http;
using OrderEats.Console.Retries;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Api;

namespace OrderEats.Console.Web.Pages;

/// <summary>The operator buttons on the pages: they post a form, act, and redirect back (or show what was wrong).</summary>
internal static class PageActions
{
    public static async Task<IResult> RetrySelected(HttpContext context, RetryService retries)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var ids = form["ids"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList();
        if (ids.Count == 0)
        {
            return Html.Page(context, "Nothing selected", "<p class=\"error\">ids: select at least one message to retry.</p>", StatusCodes.Status400BadRequest);
        }

        var result = await retries.Retry(new RetryScope(Ids: ids), ApiEndpoints.User(context), context.RequestAborted);
        return Summary(context, result);
    }

    public static async Task<IResult> RetryAll(HttpContext context, RetryService retries) =>
        Summary(context, await retries.Retry(new RetryScope(All: true), ApiEndpoints.User(context), context.RequestAborted));

    public static async Task<IResult> RetryGroup(string id, HttpContext context, FailureQueries queries, RetryService retries) =>
        await queries.Group(id, context.RequestAborted) is null
            ? Html.Page(context, "Not found", $"<p>Group {Html.E(id)} does not exist.</p>", StatusCodes.Status404NotFound)
            : Summary(context, await retries.Retry(new RetryScope(GroupId: id), ApiEndpoints.User(context), context.RequestAborted));

    public static async Task<IResult> One(string id, string action, HttpContext context, RetryService retries, ConsoleOptions options)
    {
        var user = ApiEndpoints.User(context);
        StatusChange change;
        switch (action)
        {
            case "retry":
                var result = await retries.Retry(new RetryScope(Ids: [id]), user, context.RequestAborted);
                change = new StatusChange(result.Unknown.Count == 0, null, result.Issued.Count == 1);
                break;
            case "archive":
                change = await retries.Archive(id, user, context.RequestAborted);
                break;
            case "restore":
                change = await retries.Restore(id, user, context.RequestAborted);
                break;
            default:
                if (!options.AllowEditAndRetry)
                {
                    return Html.Page(context, "Not allowed", "<p>Edit-and-retry is disabled (Console:AllowEditAndRetry).</p>", StatusCodes.Status403Forbidden);
                }

                var body = (await context.Request.ReadFormAsync(context.RequestAborted))["body"].ToString();
                if (ApiEndpoints.ValidateJson(body) is { } invalid)
                {
                    return Html.Page(context, "Invalid body", $"<p class=\"error\">body: {Html.E(invalid)}</p>", StatusCodes.Status400BadRequest);
                }

                change = await retries.EditAndRetry(id, body, user, context.RequestAborted);
                break;
        }

        return !change.Found ? Html.Page(context, "Not found", $"<p>Failure {Html.E(id)} does not exist.</p>", StatusCodes.Status404NotFound)
            : !change.Changed ? Html.Page(context, "Not possible", $"<p class=\"error\">Failure {Html.E(id)} cannot be {Html.E(action)}d in its current status.</p>", StatusCodes.Status409Conflict)
            : Results.Redirect(Html.Href(context, "/failures/" + Html.Q(id)));
    }

    private static IResult Summary(HttpContext context, RetryRequestResult result) => Html.Page(
        context,
        "Retry issued",
        $"<p>{result.Issued.Count} message(s) will be retried (sent in rate-limited batches); {result.Skipped.Count} skipped because they were not unresolved; "
            + $"{result.Unknown.Count} unknown.</p><p><a href=\"{Html.E(Html.Href(context, "/failures?status=RetryIssued"))}\">See pending retries</a></p>");
}
