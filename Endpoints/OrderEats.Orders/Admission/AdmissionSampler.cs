using System.Globalization;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Hosting;
using OrderEats.Engine.Transport;
using OrderEats.Messages;
using OrderEats.Orders.Data;
using OrderEats.ServiceDefaults;

namespace OrderEats.Orders.Admission;

/// <summary>
/// Every <see cref="AdmissionOptions.SampleInterval"/>: reads the status of the orders the gate holds in flight (by primary key, at most the
/// in-flight count), hands the gate those that left Submitted and Paid with the drain rate, and samples the orders, payments and kitchen queues.
/// </summary>
internal sealed class AdmissionSampler(
    AdmissionGate gate, AdmissionOptions options, OrdersOptions orders, OrdersDatabase database, IEnumerable<StartedEndpoint> endpoints, ILogger<AdmissionSampler> logger)
    : BackgroundService
{
    private const int IdsPerStatement = 500;
    private static readonly string[] Queues = [EndpointNames.Orders, EndpointNames.Payments, EndpointNames.Kitchen];
    private static readonly TimeSpan NeverStored = TimeSpan.FromMinutes(1);
    private bool wasShedding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        // An order still in flight after both timeouts has been decided by them; it no longer counts against new orders.
        var expire = orders.PaymentTimeout + orders.KitchenTimeout + NeverStored;
        using var timer = new PeriodicTimer(options.SampleInterval);
        var last = gate.Time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await Sample(expire, last, stoppingToken);
                }
#pragma warning disable CA1031 // a failed sample keeps the gate's last view; the next tick tries again
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    logger.LogWarning(ex, "The admission gate could not read the orders in flight; it keeps its last view ({Admission})", gate.Describe());
                }

                last = gate.Time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Sample(TimeSpan expire, long last, CancellationToken cancellationToken)
    {
        var snapshot = gate.Pending.ToList();
        var statuses = await Statuses(snapshot.Select(p => p.Key).ToList(), cancellationToken);
        var left = new List<Guid>();
        var drained = 0;
        foreach (var (id, admitted) in snapshot)
        {
            var age = gate.Time.GetElapsedTime(admitted);
            if (statuses.TryGetValue(id, out var status) && status is not (nameof(OrderStatus.Submitted) or nameof(OrderStatus.Paid)))
            {
                left.Add(id);
                // The drain is the workflow's capacity: orders the kitchen accepted. A cancelled order leaves too, but a timeout is no capacity.
                drained += status == nameof(OrderStatus.Cancelled) ? 0 : 1;
            }
            else if (age > expire || (!statuses.ContainsKey(id) && age > NeverStored))
            {
                left.Add(id);
            }
        }

        gate.Drained(left, drained, gate.Time.GetElapsedTime(last).TotalSeconds);
        await SampleQueues(cancellationToken);
        if (gate.IsShedding != wasShedding)
        {
            wasShedding = gate.IsShedding;
            if (wasShedding)
            {
                logger.LogWarning("Admission: refusing new orders with 503 until the backlog drains ({Admission})", gate.Describe());
            }
            else
            {
                logger.LogInformation("Admission: accepting new orders again ({Admission})", gate.Describe());
            }
        }
    }

    private async Task<Dictionary<Guid, string>> Statuses(List<Guid> ids, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<Guid, string>();
        if (ids.Count == 0)
        {
            return statuses;
        }

        await using var connection = await database.Open(cancellationToken);
        foreach (var chunk in ids.Chunk(IdsPerStatement))
        {
            var parameters = new DynamicParameters();
            var rows = await connection.QueryAsync<OrderStatusRow>(DapperSql.Command(
                $"SELECT id AS Id, status AS Status FROM orders WHERE id IN {DapperSql.InList(parameters, "id", chunk)}", parameters, null, cancellationToken));
            foreach (var row in rows)
            {
                statuses[row.Id] = row.Status;
            }
        }

        return statuses;
    }

    private async Task SampleQueues(CancellationToken cancellationToken)
    {
        var endpoint = endpoints.FirstOrDefault(e => e.EndpointName == EndpointNames.Orders)?.Instance;
        if (endpoint?.Transport is not IQueueDepth counter)
        {
            return;
        }

        long depth = 0;
        foreach (var queue in Queues)
        {
            depth += await counter.Count(queue, cancellationToken);
        }

        gate.Depth(depth);
    }

    private sealed class OrderStatusRow
    {
        public Guid Id { get; init; }

        public string Status { get; init; } = string.Empty;
    }
}
