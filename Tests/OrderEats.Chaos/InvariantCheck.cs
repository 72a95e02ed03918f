namespace OrderEats.Chaos;

/// <summary>Counts, for the orders the run placed, what DESIGN §2 forbids. Each service's data is read from its own database.</summary>
internal static class InvariantCheck
{
    public static bool IsTerminal(string status) => status is "Completed" or "Cancelled";

    public static IReadOnlyList<string> ExpectedNotifications(string status) => status switch
    {
        "Completed" => ["OrderConfirmed", "OrderReady"],
        "Cancelled" => ["OrderCancelled"],
        _ => [],
    };

    public static async Task<ChaosReport> Run(OrderDatabases databases, IReadOnlyCollection<Guid> accepted, CancellationToken cancellationToken = default)
    {
        var statuses = await databases.Statuses(cancellationToken);
        var started = await databases.Started(cancellationToken);
        var ledger = (await databases.Ledger(cancellationToken)).ToLookup(e => e.OrderId);
        var notifications = (await databases.Notifications(cancellationToken)).GroupBy(n => (n.OrderId, n.Kind)).ToDictionary(g => g.Key, g => g.Count());

        var duplicated = notifications.Where(n => n.Value > 1).Select(n => n.Key.OrderId).ToHashSet();
        int Charges(Guid id) => ledger[id].Count(e => e.Kind == "charge");
        decimal Sum(Guid id, string kind) => ledger[id].Where(e => e.Kind == kind).Sum(e => e.Amount);

        var known = accepted.Where(statuses.ContainsKey).ToList();
        var completed = known.Where(id => statuses[id] == "Completed").ToList();
        var cancelled = known.Where(id => statuses[id] == "Cancelled").ToList();
        return new ChaosReport
        {
            Orders = accepted.Count,
            Completed = completed.Count,
            Cancelled = cancelled.Count,
            Lost = accepted.Count - known.Count,
            Stuck = known.Count(id => !IsTerminal(statuses[id])),
            NeverStarted = known.Count(id => !started.Contains(id)),
            DoubleCharges = known.Count(id => Charges(id) > 1),
            CompletedWithoutOneCleanCharge = completed.Count(id => Charges(id) != 1 || Sum(id, "refund") != 0),
            UnrefundedCancellations = cancelled.Count(id => Sum(id, "charge") != Sum(id, "refund")),
            DuplicateNotifications = known.Count(duplicated.Contains),
            MissingNotifications = known.Sum(id => ExpectedNotifications(statuses[id]).Count(kind => !notifications.ContainsKey((id, kind)))),
        };
    }
}
