using System.Globalization;
using System.Text;
using OrderEats.Console.Monitoring;

namespace OrderEats.Console.Web.Svg;

/// <summary>
/// Draws a saga graph as SVG on the server: states left to right by distance from the start, transitions as labelled arrows (self-loops above
/// the state). The instance's current state is filled, states it passed through are tinted, states it can no longer reach are greyed.
/// </summary>
internal static class SagaGraphSvg
{
    private const double Width = 128;
    private const double Height = 38;
    private const double ColumnStep = 215;
    private const double RowStep = 104;
    private const double Left = 20;
    private const double Top = 58;
    private const string Halo = "paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"";

    public static string Render(SagaGraphModel graph, string? current, IReadOnlySet<string> visited, IReadOnlySet<(string From, string To)> taken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ranks = Ranks(graph);
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        foreach (var group in graph.States.GroupBy(s => ranks[s]).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var state in group)
            {
                positions[state] = (Left + group.Key * ColumnStep, Top + row++ * RowStep);
            }
        }

        var reachable = current is null ? graph.States.ToHashSet() : Reachable(graph, current);
        var width = positions.Values.Max(p => p.X) + Width + Left;
        var height = positions.Values.Max(p => p.Y) + Height + 40;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"saga-graph\" role=\"img\" aria-label=\"{Html.E(graph.Name)} state graph\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\">")
            .Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker>")
            .Append("<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#1b7f2a\"/></marker></defs>");
        foreach (var edge in graph.Transitions.GroupBy(t => (t.From, t.To)))
        {
            if (!positions.TryGetValue(edge.Key.From, out var from) || !positions.TryGetValue(edge.Key.To, out var to))
            {
                continue;
            }

            var label = string.Join(" / ", edge.Select(t => (t.IsTimeout ? "timeout " : string.Empty) + Short(t.Message)).Distinct());
            var isTaken = taken.Contains(edge.Key);
            var stroke = isTaken ? "#1b7f2a" : "#555";
            var style = $"fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{(isTaken ? 2.5 : 1.2).ToString(CultureInfo.InvariantCulture)}\"{(edge.All(t => t.IsTimeout) ? " stroke-dasharray=\"5 3\"" : string.Empty)} marker-end=\"url(#{(isTaken ? "arrow-taken" : "arrow")})\"";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"edge\" data-from=\"{Html.E(edge.Key.From)}\" data-to=\"{Html.E(edge.Key.To)}\" data-taken=\"{(isTaken ? "true" : "false")}\"><title>{Html.E(edge.Key.From)} → {Html.E(edge.Key.To)}: {Html.E(label)}</title>");
            if (edge.Key.From == edge.Key.To)
            {
                var cx = from.X + Width / 2;
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{cx - 18:0.#},{from.Y:0.#} C{cx - 30:0.#},{from.Y - 34:0.#} {cx + 30:0.#},{from.Y - 34:0.#} {cx + 18:0.#},{from.Y:0.#}\" {style}/>")
                    .Append(CultureInfo.InvariantCulture, $"<text x=\"{cx:0.#}\" y=\"{from.Y - 30:0.#}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#333\" {Halo}>{Html.E(label)}</text>");
            }
            else
            {
                var (x1, y1) = Clip(from, to);
                var (x2, y2) = Clip(to, from);
                var forward = ranks[edge.Key.To] - ranks[edge.Key.From] == 1 && Math.Abs(from.Y - to.Y) < 1;
                var (mx, my) = ((x1 + x2) / 2, (y1 + y2) / 2);
                var (nx, ny) = Normal(x1, y1, x2, y2);
                var bend = forward ? 0 : 36;
                var (cx, cy) = (mx + nx * bend, my + ny * bend);
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{x1:0.#},{y1:0.#} Q{cx:0.#},{cy:0.#} {x2:0.#},{y2:0.#}\" {style}/>");
                var (lx, ly) = (0.25 * x1 + 0.5 * cx + 0.25 * x2, 0.25 * y1 + 0.5 * cy + 0.25 * y2);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly - 4:0.#}\" text-anchor=\"middle\" font-size=\"9\" fill=\"#333\" {Halo}>{Html.E(label)}</text>");
            }

            svg.Append("</g>");
        }

        foreach (var state in graph.States)
        {
            var (x, y) = positions[state];
            var isCurrent = state == current;
            var isFinal = graph.FinalStates.Contains(state) || (graph.StateProperty is null && state == SagaGraphModel.Completed);
            var fill = isCurrent ? "#1b7f2a" : visited.Contains(state) ? "#dbeedd" : reachable.Contains(state) ? "#fff" : "#f1f1f1";
            var stroke = isCurrent ? "#0d4d18" : reachable.Contains(state) || visited.Contains(state) ? "#243447" : "#bbb";
            var text = isCurrent ? "#fff" : reachable.Contains(state) || visited.Contains(state) ? "#222" : "#999";
            var kind = isCurrent ? "current" : visited.Contains(state) ? "visited" : reachable.Contains(state) ? "remaining" : "unreachable";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"state state-{kind}\" data-state=\"{Html.E(state)}\" data-current=\"{(isCurrent ? "true" : "false")}\"><title>{Html.E(state)} ({kind})</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Width}\" height=\"{Height}\" rx=\"{(state == SagaGraphModel.Start ? 19 : 7)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(isCurrent ? 3 : 1.5).ToString(CultureInfo.InvariantCulture)}\"/>");
            if (isFinal)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 3:0.#}\" y=\"{y + 3:0.#}\" width=\"{Width - 6}\" height=\"{Height - 6}\" rx=\"5\" fill=\"none\" stroke=\"{stroke}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + Width / 2:0.#}\" y=\"{y + Height / 2 + 4:0.#}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"{(isCurrent ? "bold" : "normal")}\" fill=\"{text}\">{Html.E(state)}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Short(string contractName)
    {
        var dot = contractName.LastIndexOf('.');
        return dot < 0 ? contractName : contractName[(dot + 1)..];
    }

    private static Dictionary<string, int> Ranks(SagaGraphModel graph)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        var start = graph.States.Contains(SagaGraphModel.Start) ? SagaGraphModel.Start : graph.States.Count > 0 ? graph.States[0] : null;
        if (start is not null)
        {
            ranks[start] = 0;
            queue.Enqueue(start);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var next in graph.Transitions.Where(t => t.From == state && t.To != state).Select(t => t.To).Where(s => !ranks.ContainsKey(s)))
            {
                ranks[next] = ranks[state] + 1;
                queue.Enqueue(next);
            }
        }

        var last = ranks.Count == 0 ? 0 : ranks.Values.Max() + 1;
        foreach (var state in graph.States.Where(s => !ranks.ContainsKey(s)))
        {
            ranks[state] = last;
        }

        return ranks;
    }

    private static HashSet<string> Reachable(SagaGraphModel graph, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var next in graph.Transitions.Where(t => t.From == state).Select(t => t.To).Where(seen.Add))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    private static (double X, double Y) Clip((double X, double Y) from, (double X, double Y) to)
    {
        var (cx, cy) = (from.X + Width / 2, from.Y + Height / 2);
        var (dx, dy) = (to.X + Width / 2 - cx, to.Y + Height / 2 - cy);
        var t = Math.Min(dx == 0 ? double.MaxValue : Width / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : Height / 2 / Math.Abs(dy));
        return (cx + dx * t, cy + dy * t);
    }

    private static (double X, double Y) Normal(double x1, double y1, double x2, double y2)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
        return (dy / length, -dx / length);
    }
}
