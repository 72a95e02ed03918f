using System.Text.Json;

namespace OrderEats.Chaos;

/// <summary>The DESIGN §2 invariants over the orders this run placed, counted from the services' own databases, and the faults injected.</summary>
internal sealed record ChaosReport
{
    public int Orders { get; init; }

    public int Completed { get; init; }

    public int Cancelled { get; init; }

    public int Lost { get; init; }

    public int Stuck { get; init; }

    /// <summary>Orders the API accepted (202) whose saga never started: no timeline entry at all.</summary>
    public int NeverStarted { get; init; }

    public int DoubleCharges { get; init; }

    public int CompletedWithoutOneCleanCharge { get; init; }

    public int UnrefundedCancellations { get; init; }

    public int DuplicateNotifications { get; init; }

    public int MissingNotifications { get; init; }

    public long ErrorQueue { get; init; }

    public int Kills { get; init; }

    public int BrokerRestarts { get; init; }

    public int DbRestarts { get; init; }

    public int BrokerNodes { get; init; } = 1;

    public int BrokerNodeKills { get; init; }

    public int DbCrashes { get; init; }

    public int DbFailovers { get; init; }

    public double MaxRecoverySeconds { get; init; }

    /// <summary>The longest recovery of each kind of fault that happened (a new order placed after the fault until it is terminal).</summary>
    public IReadOnlyDictionary<string, double> MaxRecoveryByFault { get; init; } = new Dictionary<string, double>();

    public int StartupCrashes { get; init; }

    public double ElapsedSeconds { get; init; }

    public bool Passed => Lost == 0 && Stuck == 0 && NeverStarted == 0 && DoubleCharges == 0 && CompletedWithoutOneCleanCharge == 0 && UnrefundedCancellations == 0
        && DuplicateNotifications == 0 && MissingNotifications == 0 && ErrorQueue == 0;

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["orders"] = Orders,
        ["completed"] = Completed,
        ["cancelled"] = Cancelled,
        ["lost"] = Lost,
        ["stuck"] = Stuck,
        ["orders_never_started"] = NeverStarted,
        ["double_charges"] = DoubleCharges,
        ["completed_without_one_clean_charge"] = CompletedWithoutOneCleanCharge,
        ["unrefunded_cancellations"] = UnrefundedCancellations,
        ["duplicate_notifications"] = DuplicateNotifications,
        ["missing_notifications"] = MissingNotifications,
        ["error_queue"] = ErrorQueue,
        ["kills"] = Kills,
        ["broker_restarts"] = BrokerRestarts,
        ["db_restarts"] = DbRestarts,
        ["broker_nodes"] = BrokerNodes,
        ["broker_node_kills"] = BrokerNodeKills,
        ["db_crashes"] = DbCrashes,
        ["db_failovers"] = DbFailovers,
        ["max_recovery_s"] = Math.Round(MaxRecoverySeconds, 1),
        ["max_recovery_s_by_fault"] = MaxRecoveryByFault.ToDictionary(r => r.Key, r => Math.Round(r.Value, 1)),
        ["startup_crashes"] = StartupCrashes,
        ["elapsed_s"] = Math.Round(ElapsedSeconds, 1),
    });
}
