namespace OrderEats.Console.Monitoring;

/// <summary>The saga list's search: type, state, correlation value (contains), completed or not, started within an age range, and a page.</summary>
internal sealed record SagaFilter
{
    public string? SagaType { get; init; }

    public string? State { get; init; }

    public string? Correlation { get; init; }

    public bool? Completed { get; init; }

    public TimeSpan? MinAge { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
