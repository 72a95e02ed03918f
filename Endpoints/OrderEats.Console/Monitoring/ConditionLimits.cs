namespace OrderEats.Console.Monitoring;

/// <summary>
/// Keeps what an instance reports about its conditions to a size the pages and memory can hold: any process that may write to the console
/// queue can send a heartbeat, so entries without a name are dropped and names, details and their number are cut.
/// </summary>
internal static class ConditionLimits
{
    public const int MaxConditions = 20;
    public const int MaxName = 60;
    public const int MaxDetail = 400;

    public static IReadOnlyList<EndpointCondition> Apply(IReadOnlyList<EndpointCondition?>? reported) =>
        (reported ?? [])
        .Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Name))
        .Take(MaxConditions)
        .Select(c => new EndpointCondition(Cut(c!.Name.Trim(), MaxName), c.Degraded, Cut(c.Detail ?? string.Empty, MaxDetail)))
        .ToList();

    private static string Cut(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
