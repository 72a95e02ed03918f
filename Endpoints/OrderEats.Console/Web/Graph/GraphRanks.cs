using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Web.Graph;

/// <summary>Each state's column: its distance from the start along transitions (states the start cannot reach go last).</summary>
internal static class GraphRanks
{
    public static Dictionary<string, int> Of(SagaGraphModel graph)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = graph.States.Contains(SagaGraphModel.Start) ? SagaGraphModel.Start : graph.States.Count > 0 ? graph.States[0] : null;
        if (start is null)
        {
            return ranks;
        }

        ranks[start] = 0;
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var next in graph.Transitions.Where(t => t.From == state && t.To != state).Select(t => t.To).Where(s => !ranks.ContainsKey(s)))
            {
                ranks[next] = ranks[state] + 1;
                queue.Enqueue(next);
            }
        }

        var last = ranks.Values.Max() + 1;
        foreach (var state in graph.States.Where(s => !ranks.ContainsKey(s)))
        {
            ranks[state] = last;
        }

        return ranks;
    }
}
