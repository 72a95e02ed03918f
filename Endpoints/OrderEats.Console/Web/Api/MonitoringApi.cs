using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderEats.Console.Monitoring;
using OrderEats.Console.Security;

namespace OrderEats.Console.Web.Api;

/// <summary>The saga, endpoint and metrics API (documented in docs/console-api.md). Readers may GET; cancelling a timeout needs an Operator.</summary>
internal static class MonitoringApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var read = api.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Readers);
        var operate = api.MapGroup(string.Empty).RequireAuthorization(ConsoleAuth.Operators);

        read.MapGet("/sagas", async (HttpContext context, SagaStore sagas, TimeProvider time) =>
        {
            var (filter, errors) = MonitoringFilters.Sagas(context.Request.Query);
            return errors.Count > 0 ? Results.ValidationProblem(errors) : ActionResults.Json(await sagas.List(filter, time.GetUtcNow(), context.RequestAborted));
        });
        read.MapGet("/sagas/{id}", async (string id, SagaStore sagas, CancellationToken cancellationToken) =>
        {
            if (!Guid.TryParse(id, out var sagaId) || await sagas.Detail(sagaId, cancellationToken) is not { } detail)
            {
                return ActionResults.NotFound("Saga", id);
            }

            var view = SagaView.Of(detail);
            return ActionResults.Json(new
            {
                saga = detail.Saga,
                currentState = view.Current,
                visitedStates = view.Visited,
                pendingTimeouts = detail.PendingTimeouts,
                data = detail.StateJson,
                graph = detail.Graph,
                timeline = detail.Timeline,
            });
        });
        read.MapGet("/endpoints", (EndpointRegistry registry) => ActionResults.Json(registry.Instances().Select(i => new
        {
            i.Endpoint, i.Host, i.InstanceId, i.Status, i.StartedAt, i.FirstSeen, i.LastSeen, i.AuditDropped, i.Degraded, i.Conditions,
        })));
        read.MapGet("/metrics", (EndpointRegistry registry, TimeProvider time, bool? history) =>
        {
            var now = time.GetUtcNow();
            return ActionResults.Json(registry.Instances().Select(i => new
            {
                i.Endpoint, i.Host, i.InstanceId, i.Status,
                windows = MetricsWindow.Windows.Select(m => MetricsWindow.Over(i.History, now, m)),
                history = history == true ? i.History : null,
            }));
        });

        operate.MapPost("/sagas/{id}/timeouts/{timeoutId}/cancel", async (string id, string timeoutId, HttpContext context, TimeoutCanceller canceller) =>
        {
            if (!Guid.TryParse(id, out var sagaId))
            {
                return ActionResults.NotFound("Saga", id);
            }

            if (!Guid.TryParse(timeoutId, out var timeout))
            {
                return ActionResults.NotFound("Timeout", timeoutId);
            }

            var (outcome, reason) = await canceller.Cancel(sagaId, timeout, ApiEndpoints.User(context), context.RequestAborted);
            return outcome switch
            {
                TimeoutCancelOutcome.UnknownSaga => ActionResults.NotFound("Saga", id),
                TimeoutCancelOutcome.NotPending => Results.Problem(
                    $"Timeout '{timeoutId}' of saga '{id}' is not pending (it fired, was cancelled, or the saga completed). Reload GET /api/sagas/{id} for the pending timeouts.",
                    statusCode: StatusCodes.Status409Conflict, title: "The timeout is not pending"),
                TimeoutCancelOutcome.Unreachable => Results.Problem(reason, statusCode: StatusCodes.Status502BadGateway, title: "The saga's endpoint queue cannot be reached"),
                _ => ActionResults.Json(new { sagaId, timeoutId = timeout, status = "CancelRequested" }, StatusCodes.Status202Accepted),
            };
        });
    }
}
