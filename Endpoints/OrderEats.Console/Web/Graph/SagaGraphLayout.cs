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
        var ranks = Ranks(graph);
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
                ? Loop(from, size, rows[edge.From] == 0, obstacles)
                : Arrow(from, to, size, obstacles, edges.Any(e => e.From == edge.To && e.To == edge.From));
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

    private static (string Path, Box Label, bool Clear) Loop(Box node, (double Width, double Height) size, bool above, List<Box> obstacles)
    {
        var candidates = new List<Box>();
        for (var distance = 18.0; distance <= 160; distance += 8)
        {
            foreach (var shift in new[] { 0, -0.3, 0.3, -0.6, 0.6 })
            {
                var x = node.CenterX - size.Width / 2 + shift * size.Width;
                candidates.Add(new Box(x, above ? node.Y - distance - size.Height : node.Bottom + distance, size.Width, size.Height));
            }
        }

        var (label, clear) = Choose(candidates, obstacles);
        var edgeY = above ? node.Y : node.Bottom;
        var labelEdge = above ? label.Bottom + 1 : label.Y - 1;
        // A cubic's apex is 3/4 of the way to its control points: put the controls so the loop just reaches the label.
        var control = edgeY + (labelEdge - edgeY) * 4 / 3;
        var cx = node.CenterX;
        return (Invariant($"M{cx - 12:0.#},{edgeY:0.#} C{cx - 30:0.#},{control:0.#} {cx + 30:0.#},{control:0.#} {cx + 12:0.#},{edgeY:0.#}"), label, clear);
    }

    private static (string Path, Box Label, bool Clear) Arrow(Box from, Box to, (double Width, double Height) size, List<Box> obstacles, bool twoWay)
    {
        var (fx, fy, tx, ty) = (from.CenterX, from.CenterY, to.CenterX, to.CenterY);
        // Straight unless it would cross another state or run over the arrow coming back; then bend it to one side.
        var bend = twoWay ? 28.0 : 0;
        foreach (var candidate in new[] { bend, 40, -40, 80, -80, 120 })
        {
            bend = candidate;
            if (!CrossesState(from, to, bend, obstacles))
            {
                break;
            }
        }

        var (nx, ny) = Normal(fx, fy, tx, ty);
        var (cx, cy) = ((fx + tx) / 2 + nx * bend * 2, (fy + ty) / 2 + ny * bend * 2);
        var (sx, sy) = Clip(from, cx, cy);
        var (ex, ey) = Clip(to, cx, cy);
        var path = Invariant($"M{sx:0.#},{sy:0.#} Q{cx:0.#},{cy:0.#} {ex:0.#},{ey:0.#}");

        var steep = Math.Abs(ty - fy) > Math.Abs(tx - fx);
        var candidates = new List<Box>();
        foreach (var t in new[] { 0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78 })
        {
            var (px, py) = Bezier(sx, sy, cx, cy, ex, ey, t);
            if (steep)
            {
                candidates.Add(new Box(px + 6, py - size.Height / 2, size.Width, size.Height));
                candidates.Add(new Box(px - 6 - size.Width, py - size.Height / 2, size.Width, size.Height));
            }
            else
            {
                candidates.Add(new Box(px - size.Width / 2, py - size.Height - 3, size.Width, size.Height));
                candidates.Add(new Box(px - size.Width / 2, py + 3, size.Width, size.Height));
            }

            candidates.Add(new Box(px - size.Width / 2, py - size.Height / 2, size.Width, size.Height));
        }

        var (label, clear) = Choose(candidates, obstacles);
        return (path, label, clear);
    }

    private static (Box Chosen, bool Clear) Choose(List<Box> candidates, List<Box> obstacles)
    {
        foreach (var candidate in candidates.Where(c => !obstacles.Any(c.Intersects)))
        {
            return (candidate, true);
        }

        return (candidates.MinBy(c => obstacles.Count(c.Intersects)), false);
    }

    private static bool CrossesState(Box from, Box to, double bend, List<Box> obstacles)
    {
        var (fx, fy, tx, ty) = (from.CenterX, from.CenterY, to.CenterX, to.CenterY);
        var (nx, ny) = Normal(fx, fy, tx, ty);
        var (cx, cy) = ((fx + tx) / 2 + nx * bend * 2, (fy + ty) / 2 + ny * bend * 2);
        var others = obstacles.Where(o => !o.Intersects(from) && !o.Intersects(to)).ToList();
        for (var t = 0.05; t < 0.96; t += 0.05)
        {
            var (px, py) = Bezier(fx, fy, cx, cy, tx, ty, t);
            if (others.Any(o => px > o.X && px < o.Right && py > o.Y && py < o.Bottom))
            {
                return true;
            }
        }

        return false;
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

    private static Dictionary<string, int> Ranks(SagaGraphModel graph)
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

    private static (double X, double Y) Clip(Box box, double towardX, double towardY)
    {
        var (cx, cy) = (box.CenterX, box.CenterY);
        var (dx, dy) = (towardX - cx, towardY - cy);
        if (Math.Abs(dx) < 0.001 && Math.Abs(dy) < 0.001)
        {
            return (cx, cy);
        }

        var t = Math.Min(dx == 0 ? double.MaxValue : box.Width / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : box.Height / 2 / Math.Abs(dy));
        return (cx + dx * t, cy + dy * t);
    }

    private static (double X, double Y) Normal(double x1, double y1, double x2, double y2)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
        return (dy / length, -dx / length);
    }

    private static (double X, double Y) Bezier(double x0, double y0, double cx, double cy, double x1, double y1, double t) =>
        ((1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * x1, (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * y1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
