using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>
/// The operator buttons. Bulk actions (selection, group, all) first answer a confirmation page that says how many messages the action
/// changes; the confirmation posts again with confirmed=yes. Single-message actions act at once and go back to the message.
/// </summary>
internal static class PageActions
{
    public static async Task<IResult> Selected(string action, HttpContext context, RetryService retries, FailureCommands commands)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var ids = form["ids"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        var returnUrl = View.LocalOr(form["returnUrl"].ToString(), "/failures");
        if (ids.Count == 0)
        {
            return View.Message("Nothing selected", $"ids: select at least one message to {action}.", StatusCodes.Status400BadRequest, links: [("Back", returnUrl)]);
        }

        string Which(int count) =>
            count == ids.Count ? (count == 1 ? "The selected message" : $"The {count} selected messages") : $"{count} of the {ids.Count} selected messages";
        return await Bulk(action, new RetryScope(Ids: ids), Which, form, returnUrl, context, retries, commands);
    }

    public static async Task<IResult> RetryAll(HttpContext context, RetryService retries, FailureCommands commands)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await Bulk("retry", new RetryScope(All: true), count => count == 1 ? "The one unresolved message" : $"All {count} unresolved messages", form, "/failures", context, retries, commands);
    }

    public static async Task<IResult> Group(string id, string action, HttpContext context, FailureQueries queries, RetryService retries, FailureCommands commands)
    {
        if (await queries.Group(id, context.RequestAborted) is not { } group)
        {
            return View.NotFound("Group", id);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await Bulk(action, new RetryScope(GroupId: id), count => $"{Messages(count)} of the group “{group.Title}”", form, "/groups/" + Uri.EscapeDataString(id), context, retries, commands);
    }

    public static async Task<IResult> One(string id, string action, HttpContext context, RetryService retries, ConsoleOptions options)
    {
        var user = ApiEndpoints.User(context);
        StatusChange change;
        switch (action)
        {
            case "retry":
                var result = await retries.Retry(new RetryScope(Ids: [id]), user, context.RequestAborted);
                change = result.Unknown.Count > 0 ? new StatusChange(false, null, false)
                    : new StatusChange(true, result.Issued.Count == 1 ? FailureStatus.RetryIssued : null, result.Issued.Count == 1);
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
                    return View.Message("Not allowed", "Edit-and-retry is disabled (Console:AllowEditAndRetry).", StatusCodes.Status403Forbidden);
                }

                var body = (await context.Request.ReadFormAsync(context.RequestAborted))["body"].ToString();
                if (ApiEndpoints.ValidateJson(body) is { } invalid)
                {
                    return View.Message("Invalid body", "body: " + invalid, StatusCodes.Status400BadRequest, links: [("Back to the message", "/failures/" + Uri.EscapeDataString(id))]);
                }

                change = await retries.EditAndRetry(id, body, user, context.RequestAborted);
                break;
        }

        var back = "/failures/" + Uri.EscapeDataString(id);
        return !change.Found ? View.NotFound("Failure", id)
            : !change.Changed ? View.Message("Not possible", $"Failure {id} cannot be {Past(action)} while it is {change.Current}.", StatusCodes.Status409Conflict, links: [("Back to the message", back)])
            : Results.Redirect(context.Request.PathBase + back);
    }

    private static async Task<IResult> Bulk(
        string action, RetryScope scope, Func<int, string> which, IFormCollection form, string returnUrl, HttpContext context, RetryService retries, FailureCommands commands)
    {
        var from = action switch { "retry" => FailureStatus.Unresolved, "restore" => FailureStatus.Archived, _ => (FailureStatus?)null };
        if (form["confirmed"] != "yes")
        {
            var count = action == "archive"
                ? await commands.Count(scope, FailureStatus.Unresolved, context.RequestAborted) + await commands.Count(scope, FailureStatus.RetryIssued, context.RequestAborted)
                : await commands.Count(scope, from, context.RequestAborted);
            var fields = (scope.Ids ?? []).Select(id => KeyValuePair.Create("ids", id)).Append(KeyValuePair.Create("returnUrl", returnUrl)).ToList();
            var what = action switch
            {
                "retry" => "will be sent back to their queues (rate-limited); each is resolved when its endpoint processes it. Only unresolved messages are retried.",
                "archive" => "will be archived: put aside, no longer counted as unresolved, and restorable. Only unresolved messages and pending retries are archived.",
                _ => "will be restored to Unresolved. Only archived messages are restored.",
            };
            return View.Of<ConfirmView>(new
            {
                Title = $"{Capital(action)} {Messages(count)}?",
                Question = $"{which(count)} {what}",
                Count = count,
                Verb = action,
                Button = $"{Capital(action)} {Messages(count)}",
                Action = context.Request.Path.Value!,
                Fields = fields,
                CancelPath = returnUrl,
            });
        }

        var user = ApiEndpoints.User(context);
        var result = action == "retry" ? await retries.Retry(scope, user, context.RequestAborted) : await retries.ArchiveOrRestore(scope, action == "archive", user, context.RequestAborted);
        var done = action switch
        {
            "retry" => $"{Messages(result.Issued.Count)} will be retried (sent in rate-limited batches)",
            _ => $"{Messages(result.Issued.Count)} {Past(action)}",
        };
        var text = $"{done}; {result.Skipped.Count} skipped because their status does not allow it; {result.Unknown.Count} unknown.";
        IReadOnlyList<(string, string)> links = action == "retry"
            ? [("Back", returnUrl), ("See pending retries", "/failures?status=RetryIssued")]
            : [("Back", returnUrl)];
        return View.Message(Capital(Past(action)), text, StatusCodes.Status200OK, error: false, links: links);
    }

    private static string Messages(int count) => count == 1 ? "1 message" : $"{count} messages";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Past(string action) => action switch { "retry" => "retried", "archive" => "archived", "restore" => "restored", _ => "edited and retried" };
}
