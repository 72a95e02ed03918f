namespace OrderEats.Console.Monitoring;

/// <summary>What the order view derives from a saga's audit: its current state, the states it passed through and the transitions it took.</summary>
public sealed record SagaView(string? Current, IReadOnlySet<string> Visited, IReadOnlySet<(string From, string To)> Taken)
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
            var path = graph is null ? null : Path(graph, from, to, record.Incoming.MessageType);
            foreach (var step in path ?? [(from, to)])
            {
                visited.Add(step.From);
                visited.Add(step.To);
                taken.Add(step);
            }
        }

        var current = detail.Saga.State;
        if (current is not null)
        {
            visited.Remove(current);
        }

        return new SagaView(current, visited, taken);
    }

    // One message may pass through several states (OrderPrepared: Accepted → Ready → Completed); find that path among the edges it labels.
    private static List<(string From, string To)>? Path(SagaGraphModel graph, string from, string to, string messageType)
    {
        if (from == to || graph.Transitions.Any(t => t.From == from && t.To == to))
        {
            return null;
        }

        var edges = graph.Transitions.Where(t => t.Message == messageType && t.From != t.To).ToList();
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var edge in edges.Where(e => e.From == state && !previous.ContainsKey(e.To)))
            {
                previous[edge.To] = state;
                queue.Enqueue(edge.To);
            }
        }

        if (!previous.ContainsKey(to))
        {
            return null;
        }

        var path = new List<(string, string)>();
        for (var state = to; state != from; state = previous[state])
        {
            path.Insert(0, (previous[state], state));
        }

        return path;
    }
}
