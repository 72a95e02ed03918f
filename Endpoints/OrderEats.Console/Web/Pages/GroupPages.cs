using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Retries;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>Group list (by cause, endpoint or message type) and group detail with its failures and the group actions.</summary>
internal static class GroupPages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries)
    {
        var by = context.Request.Query["by"].ToString();
        if (FilterParser.Grouping(by) is not { } kind)
        {
            return View.Message("Failure groups", $"by: '{by}' is not a grouping; use exception, endpoint or type.", StatusCodes.Status400BadRequest);
        }

        return View.Of<GroupListView>(new { Kind = kind, Groups = await queries.Groups(kind, context.RequestAborted) });
    }

    public static async Task<IResult> Detail(string id, HttpContext context, FailureQueries queries, FailureCommands commands)
    {
        if (await queries.Group(id, context.RequestAborted) is not { } group)
        {
            return View.NotFound("Group", id);
        }

        var (filter, errors) = FilterParser.Failures(context.Request.Query);
        if (errors.Count > 0)
        {
            return View.Message(group.Title, string.Join(' ', errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")), StatusCodes.Status400BadRequest);
        }

        return View.Of<GroupDetailView>(new
        {
            Group = group,
            Page = await queries.List(filter with { GroupId = group.Id }, context.RequestAborted),
            Archived = await commands.Count(new RetryScope(GroupId: group.Id), FailureStatus.Archived, context.RequestAborted),
        });
    }
}
