using System.Text.Json;
using OrderEats.Messages;
using OrderEats.Notifications.Channel;
using OrderEats.Orders;
using OrderEats.Orders.ReadModel;
using OrderEats.Payments.Ledger;

namespace OrderEats.Host;

/// <summary>The DESIGN §2 invariants, checked against each service's own data for the orders this run placed.</summary>
internal sealed record DemoReport(
    int Orders,
    int Completed,
    int Cancelled,
    int Stuck,
    int DoubleCharges,
    int UnrefundedCancellations,
    int DuplicateNotifications,
    long ErrorQueue,
    TimeSpan Elapsed,
    int CompletedWithoutOneCleanCharge,
    int MissingNotifications,
    int Refused,
    IReadOnlyDictionary<string, int> CancelReasons)
{
    public bool Passed => Stuck == 0 && DoubleCharges == 0 && UnrefundedCancellations == 0 && DuplicateNotifications == 0 && ErrorQueue == 0
        && CompletedWithoutOneCleanCharge == 0 && MissingNotifications == 0;

    public static async Task<DemoReport> Check(
        IServiceProvider services, IReadOnlyList<Guid> placed, int refused, long errorQueue, TimeSpan elapsed, CancellationToken cancellationToken = default)
    {
        var ids = placed.ToHashSet();
        var orders = (await services.GetRequiredService<OrdersReadModel>().ListAll(cancellationToken)).Where(o => ids.Contains(o.OrderId)).ToList();
        var ledger = (await services.GetRequiredService<PaymentsLedger>().ReadAll(cancellationToken)).Where(e => ids.Contains(e.OrderId)).ToLookup(e => e.OrderId);
        var deliveries = services.GetRequiredService<SimulatedNotificationChannel>().Deliveries;

        var completed = orders.Where(o => o.Status == OrderStatus.Completed).ToList();
        var cancelled = orders.Where(o => o.Status == OrderStatus.Cancelled).ToList();
        var doubleCharges = ids.Count(id => ledger[id].Count(e => e.Kind == LedgerKind.Charge) > 1);
        var completedBroken = completed.Count(o => ledger[o.OrderId].Count(e => e.Kind == LedgerKind.Charge) != 1 || ledger[o.OrderId].Any(e => e.Kind == LedgerKind.Refund));
        var unrefunded = cancelled.Count(o =>
            ledger[o.OrderId].Where(e => e.Kind == LedgerKind.Charge).Sum(e => e.Amount) != ledger[o.OrderId].Where(e => e.Kind == LedgerKind.Refund).Sum(e => e.Amount));
        var duplicates = deliveries.Count(d => ids.Contains(d.Key.OrderId) && d.Value > 1);
        var missing = orders.Sum(o => DemoRun.ExpectedNotifications(o.Status).Count(kind => !deliveries.ContainsKey((o.OrderId, kind))));
        return new DemoReport(
            placed.Count, completed.Count, cancelled.Count, placed.Count - completed.Count - cancelled.Count,
            doubleCharges, unrefunded, duplicates, errorQueue, elapsed, completedBroken, missing, refused,
            cancelled.GroupBy(o => o.Reason ?? "no reason").OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()));
    }

    public void Write(TextWriter output, bool settled)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = Elapsed.TotalSeconds;
        output.WriteLine();
        output.WriteLine($"{Orders} orders in {DemoCommand.Seconds(Elapsed)} s ({(seconds > 0 ? Orders / seconds : 0):0.0} orders/s){(settled ? string.Empty : " — did not settle in time")}");
        output.WriteLine($"  completed {Completed}, cancelled {Cancelled}, stuck {Stuck}{(Refused > 0 ? $"; placements refused at the edge and placed again after Retry-After {Refused}" : string.Empty)}");
        foreach (var (reason, count) in CancelReasons)
        {
            output.WriteLine($"    cancelled {count}: {reason}");
        }

        output.WriteLine($"  double charges {DoubleCharges}, completed orders without exactly one charge and no refund {CompletedWithoutOneCleanCharge}");
        output.WriteLine($"  cancelled orders whose charges differ from their refunds {UnrefundedCancellations}");
        output.WriteLine($"  duplicate notifications {DuplicateNotifications}, missing notifications {MissingNotifications}, messages in the error queue {ErrorQueue}");
        output.WriteLine(Passed ? "All invariants hold." : "INVARIANTS BROKEN — see the counts above.");
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["orders"] = Orders,
            ["completed"] = Completed,
            ["cancelled"] = Cancelled,
            ["refused"] = Refused,
            ["cancel_reasons"] = CancelReasons,
            ["stuck"] = Stuck,
            ["double_charges"] = DoubleCharges,
            ["unrefunded_cancellations"] = UnrefundedCancellations,
            ["duplicate_notifications"] = DuplicateNotifications,
            ["error_queue"] = ErrorQueue,
            ["elapsed_s"] = Math.Round(seconds, 1),
        }));
    }
}
