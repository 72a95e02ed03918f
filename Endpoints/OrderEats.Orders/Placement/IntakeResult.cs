using OrderEats.Messages.Commands;
using OrderEats.Orders.ReadModel;

namespace OrderEats.Orders.Placement;

// The decision of OrderIntake: the outcome, the order as stored (placed or repeated), the command that starts its saga when one is due, the
// errors per field (invalid or rejected before) and what to tell a sender of a conflicting request.
internal sealed record IntakeResult(
    IntakeOutcome Outcome, OrderView? Order, StartOrder? Start, IReadOnlyDictionary<string, string[]> Errors, string? Detail)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static IntakeResult Placed(OrderView order, StartOrder start) => new(IntakeOutcome.Placed, order, start, None, null);

    public static IntakeResult Repeated(OrderView order, StartOrder? start) => new(IntakeOutcome.Repeated, order, start, None, null);

    public static IntakeResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(IntakeOutcome.Invalid, null, null, errors, null);

    public static IntakeResult RejectedBefore(IReadOnlyDictionary<string, string[]> errors) => new(IntakeOutcome.RejectedBefore, null, null, errors, null);

    public static IntakeResult Conflict(string detail) => new(IntakeOutcome.Conflict, null, null, None, detail);
}
