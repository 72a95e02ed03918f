namespace OrderEats.Console.Retries;

/// <summary>Failures whose retry was issued, those skipped because they were not unresolved, and ids that do not exist.</summary>
public sealed record RetryRequestResult(IReadOnlyList<string> Issued, IReadOnlyList<string> Skipped, IReadOnlyList<string> Unknown);
