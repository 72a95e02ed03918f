using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>The failed-message list (filters, paging, selection), the detail page and the body download.</summary>
internal static class FailurePages
{
    public static async Task<IResult> List(HttpContext context, FailureQueries queries)
    {
        var cancellationToken = context.RequestAborted;
        var (filter, errors) = FilterParser.Failures(context.Request.Query);
        var counts = await queries.CountByStatus(cancellationToken);
        return View.Of<FailureListView>(
            new
            {
                Page = await queries.List(errors.Count > 0 ? new FailureFilter() : filter, cancellationToken),
                Errors = errors,
                Endpoints = await queries.Distinct("endpoint", cancellationToken),
                Types = await queries.Distinct("message_type", cancellationToken),
                Unresolved = counts[FailureStatus.Unresolved],
            },
            errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static async Task<IResult> Detail(string id, HttpContext context, FailureQueries queries, SagaStore sagas, ConsoleOptions options)
    {
        var cancellationToken = context.RequestAborted;
        if (await queries.Detail(id, cancellationToken) is not { } detail)
        {
            return View.NotFound("Failure", id);
        }

        return View.Of<FailureDetailView>(new
        {
            Detail = detail,
            Events = await queries.Events(100, detail.Summary.Id, cancellationToken),
            Sagas = await sagas.ForMessage(detail.Headers, detail.Body ?? detail.BodyPreview, cancellationToken),
            AllowEdit = options.AllowEditAndRetry,
        });
    }

    /// <summary>The whole body as a download (bodies above 64 KiB are not on the page).</summary>
    public static async Task<IResult> Body(string id, HttpContext context, FailureQueries queries)
    {
        if (await queries.Body(id, context.RequestAborted) is not { } body)
        {
            return Results.Problem($"Failure '{id}' does not exist.", statusCode: StatusCodes.Status404NotFound);
        }

        var extension = body.ContentType switch { "application/json" => ".json", "application/octet-stream" => ".bin", _ => ".txt" };
        var name = string.Concat(body.MessageId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + extension;
        return Results.File(body.Body, body.ContentType, name);
    }
}
