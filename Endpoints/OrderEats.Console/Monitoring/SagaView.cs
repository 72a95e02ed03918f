namespace OrderEats.Console.Monitoring;

/// <summary>What the order view derives from a saga's audit: its current state, the states it passed through and the transitions it took.</summary>
internal sealed record SagaView(string? Current, IReadOnlySet<string> Visited, IReadOnlySet<(string From, string To)> Taken)
{
    public static SagaView Of(SagaDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var graph = detail.Graph;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var taken = new HashSet<(string, string)>();
        foreach (var record in detail.Timeline)
        {
            var from = record.StateBefore is null ? SagaGraphModel.Start : SagaStateReader.State(record.StateBefore, graph, completed: false);
            var to = SagaStateReader.State(record.StateAfter, graph, record.Completed);
            visited.Add(from);
            visited.Add(to);
            taken.Add((from, to));
        }

        var current = detail.Saga.State;
        if (current is not null)
        {
            visited.Remove(current);
        }

        return new SagaView(current, visited, taken);
    }
}
