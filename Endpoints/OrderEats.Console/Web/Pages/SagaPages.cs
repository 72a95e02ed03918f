using Microsoft.AspNetCore.Http;
using OrderEats.Console.Model;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Storage;
using OrderEats.Console.Web.Api;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>The saga list (search by type, state, correlation value, age) and the order view: graph, next steps, timeouts, failures, timeline.</summary>
internal static class SagaPages
{
    public static async Task<IResult> List(HttpContext context, SagaStore sagas, TimeProvider time)
    {
        var (filter, errors) = MonitoringFilters.Sagas(context.Request.Query);
        var page = await sagas.List(errors.Count > 0 ? new SagaFilter() : filter, time.GetUtcNow(), context.RequestAborted);
        return View.Of<SagaListView>(new { Page = page, Errors = errors }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static async Task<IResult> Detail(string id, HttpContext context, SagaStore sagas, FailureQueries failures)
    {
        if (!Guid.TryParse(id, out var sagaId) || await sagas.Detail(sagaId, context.RequestAborted) is not { } detail)
        {
            return View.Message("Not found", $"Saga {id} is not known (never audited, or completed longer ago than the retention window).", StatusCodes.Status404NotFound);
        }

        return View.Of<SagaDetailView>(new
        {
            Detail = detail,
            View = SagaView.Of(detail),
            Failures = await failures.List(new FailureFilter { Text = detail.Saga.Correlation, PageSize = 50 }, context.RequestAborted),
        });
    }

    public static async Task<IResult> Cancel(string id, string timeoutId, HttpContext context, TimeoutCanceller canceller)
    {
        if (!Guid.TryParse(id, out var sagaId) || !Guid.TryParse(timeoutId, out var timeout))
        {
            return View.Message("Not found", "Saga and timeout ids are Guids.", StatusCodes.Status404NotFound);
        }

        var (outcome, reason) = await canceller.Cancel(sagaId, timeout, ApiEndpoints.User(context), context.RequestAborted);
        var back = new List<(string, string)> { ("Back to the saga", "/sagas/" + sagaId) };
        return outcome switch
        {
            TimeoutCancelOutcome.UnknownSaga => View.Message("Not found", $"Saga {id} is not known.", StatusCodes.Status404NotFound),
            TimeoutCancelOutcome.NotPending => View.Message(
                "Not pending", $"Timeout {timeoutId} is not pending any more (fired, cancelled, or the saga completed).", StatusCodes.Status409Conflict, links: back),
            TimeoutCancelOutcome.Unreachable => View.Message("Cancel not sent", reason ?? "The saga's endpoint cannot be reached.", StatusCodes.Status502BadGateway, links: back),
            _ => Results.Redirect(context.Request.PathBase + "/sagas/" + sagaId + "?cancelRequested=" + timeout),
        };
    }
}
