using System.Globalization;
using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Web.Graph;

/// <summary>
/// Lays out a saga graph left to right: states in columns by their distance from the start, one row per state of a column; transitions
/// between the same two states share one arrow whose label lists each message on its own line. Labels are placed one by one at the first
/// candidate position that touches no state and no label placed before; when one cannot be placed, the gaps grow and the layout starts over.
/// </summary>
public static class SagaGraphLayout
{
    /// <summary>Label font size (px); the stylesheet uses the same.</summary>
    public const double LabelFont = 11;

    /// <summary>Distance between label lines (px).</summary>
    public const double LineHeight = 14;

    /// <summary>State name font size (px).</summary>
    public const double StateFont = 13;

    // Generous per-character widths (DejaVu Sans, the widest common sans-serif, averages ~0.6 em) so the drawn text stays inside its box.
    private const double LabelChar = 0.64 * LabelFont;
    private const double StateChar = 0.66 * StateFont;
    private const double LabelPadding = 5;
    private const double NodeHeight = 34;
    private const double StartSize = 18;
    private const double Margin = 10;

    /// <summary>Lays out <paramref name="graph"/>; the result's label boxes never overlap each other or a state when a placement exists.</summary>
    public static GraphLayout Compute(SagaGraphModel graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        GraphLayout? best = null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var (layout, collisions) = Attempt(graph, 1 + attempt * 0.35);
            if (collisions == 0)
            {
                return layout;
            }

            best ??= layout;
        }

        return best!;
    }

    /// <summary>The text of one transition in a label.</summary>
    public static LabelLine Line(SagaGraphEdge transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        return new LabelLine((transition.IsTimeout ? "timeout " : string.Empty) + Format.TypeName(transition.Message), transition.IsTimeout);
    }

    private static (GraphLayout Layout, int Collisions) Attempt(SagaGraphModel graph, double spread)
    {
        var ranks = GraphRanks.Of(graph);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in graph.States.GroupBy(s => ranks[s]))
        {
            var row = 0;
            foreach (var state in column)
            {
                rows[state] = row++;
            }
        }

        var edges = graph.Transitions.Where(t => ranks.ContainsKey(t.From) && ranks.ContainsKey(t.To)).GroupBy(t => (t.From, t.To))
            .Select(g => (g.Key.From, g.Key.To, Lines: g.Select(Line).DistinctBy(l => l.Text).ToList(), AllTimeouts: g.All(t => t.IsTimeout)))
            .ToList();
        var maxLines = edges.Count == 0 ? 1 : edges.Max(e => e.Lines.Count);
        var nodes = PlaceNodes(graph, ranks, rows, edges.Select(e => (e.From, e.To, e.Lines)).ToList(), spread, maxLines);

        var obstacles = nodes.Values.Select(n => n.Box.Inflate(4)).ToList();
        var laidOut = new List<LaidOutEdge>();
        var collisions = 0;
        // The most constrained first: loops, then arrows between neighbours, then the rest.
        foreach (var edge in edges.OrderBy(e => e.From == e.To ? 0 : rows[e.From] == rows[e.To] && ranks[e.To] == ranks[e.From] + 1 ? 1 : 2))
        {
            var size = LabelSize(edge.Lines);
            var from = nodes[edge.From].Box;
            var to = nodes[edge.To].Box;
            var (path, label, clear) = edge.From == edge.To
                ? EdgeRouting.Loop(from, size, rows[edge.From] == 0, obstacles)
                : EdgeRouting.Arrow(from, to, size, obstacles, edges.Any(e => e.From == edge.To && e.To == edge.From));
            collisions += clear ? 0 : 1;
            obstacles.Add(label.Inflate(3));
            laidOut.Add(new LaidOutEdge(edge.From, edge.To, path, edge.AllTimeouts, edge.Lines, label));
        }

        return (Normalize(nodes.Values.ToList(), laidOut), collisions);
    }

    private static Dictionary<string, LaidOutNode> PlaceNodes(
        SagaGraphModel graph, Dictionary<string, int> ranks, Dictionary<string, int> rows, List<(string From, string To, List<LabelLine> Lines)> edges, double spread, int maxLines)
    {
        var columns = ranks.Values.Max() + 1;
        var widths = new double[columns];
        foreach (var state in graph.States)
        {
            widths[ranks[state]] = Math.Max(widths[ranks[state]], NodeWidth(state));
        }

        // A gap fits the widest label of the arrows that cross it between states of one row, so those labels sit above their arrow.
        var gaps = new double[columns];
        for (var rank = 0; rank < columns; rank++)
        {
            var widest = edges.Where(e => ranks[e.From] == rank && ranks[e.To] == rank + 1 && rows[e.From] == rows[e.To]).Select(e => LabelSize(e.Lines).Width).DefaultIfEmpty(24).Max();
            gaps[rank] = (widest + 30) * spread;
        }

        var rowStep = (NodeHeight + 56 + maxLines * LineHeight) * spread;
        var x = new double[columns];
        for (var rank = 1; rank < columns; rank++)
        {
            x[rank] = x[rank - 1] + widths[rank - 1] + gaps[rank - 1];
        }

        var nodes = new Dictionary<string, LaidOutNode>(StringComparer.Ordinal);
        foreach (var state in graph.States)
        {
            var rank = ranks[state];
            var isStart = state == SagaGraphModel.Start;
            var width = isStart ? StartSize : NodeWidth(state);
            var height = isStart ? StartSize : NodeHeight;
            var centerY = rows[state] * rowStep + NodeHeight / 2;
            var box = new Box(x[rank] + (widths[rank] - width) / 2, centerY - height / 2, width, height);
            var isFinal = graph.FinalStates.Contains(state) || (graph.StateProperty is null && state == SagaGraphModel.Completed);
            nodes[state] = new LaidOutNode(state, box, isStart, isFinal);
        }

        return nodes;
    }

    private static GraphLayout Normalize(List<LaidOutNode> nodes, List<LaidOutEdge> edges)
    {
        var boxes = nodes.Select(n => n.Box).Concat(edges.Select(e => e.Label)).ToList();
        var (minX, minY) = (boxes.Min(b => b.X), boxes.Min(b => b.Y));
        var (dx, dy) = (Margin - minX, Margin - minY);
        var movedNodes = nodes.Select(n => n with { Box = n.Box.Offset(dx, dy) }).ToList();
        var movedEdges = edges.Select(e => e with { Label = e.Label.Offset(dx, dy), Path = Shift(e.Path, dx, dy) }).ToList();
        var all = movedNodes.Select(n => n.Box).Concat(movedEdges.Select(e => e.Label)).ToList();
        return new GraphLayout(Math.Ceiling(all.Max(b => b.Right) + Margin), Math.Ceiling(all.Max(b => b.Bottom) + Margin), movedNodes, movedEdges);
    }

    // Paths are "M x,y C x,y x,y x,y" or "M x,y Q x,y x,y": every number pair is a point.
    private static string Shift(string path, double dx, double dy) => string.Join(' ', path.Split(' ').Select(part =>
    {
        var command = char.IsLetter(part[0]) ? part[..1] : string.Empty;
        var xy = part[command.Length..].Split(',');
        var x = double.Parse(xy[0], CultureInfo.InvariantCulture) + dx;
        var y = double.Parse(xy[1], CultureInfo.InvariantCulture) + dy;
        return command + Invariant($"{x:0.#},{y:0.#}");
    }));

    private static (double Width, double Height) LabelSize(List<LabelLine> lines) =>
        (lines.Max(l => l.Text.Length) * LabelChar + 2 * LabelPadding, lines.Count * LineHeight + 2 * LabelPadding - 2);

    private static double NodeWidth(string state) => Math.Max(92, state.Length * StateChar + 26);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
