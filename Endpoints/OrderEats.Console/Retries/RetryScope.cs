namespace OrderEats.Console.Retries;

/// <summary>Which failures a retry request covers: a selection of ids, one group, or every unresolved failure.</summary>
internal sealed record RetryScope(IReadOnlyList<string>? Ids = null, string? GroupId = null, bool All = false);
