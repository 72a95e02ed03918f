using System.Globalization;
using System.Security;
using System.Text;

namespace OrderEats.Benchmarks.Report;

/// <summary>A horizontal bar chart (SVG, no dependencies) of each scenario's throughput beside its same-run baseline.</summary>
internal static class SvgChart
{
    private const int Width = 760;
    private const int Left = 190;
    private const int BarHeight = 16;

    public static string Render(IReadOnlyList<Dictionary<string, object>> results)
    {
        var bars = new List<(string Label, double Value, string Unit, bool Baseline)>();
        foreach (var r in results)
        {
            var scenario = (string)r["scenario"];
            switch (scenario)
            {
                case "receive":
                    bars.Add(("receive (engine)", (double)r["msgs_per_s"], "msgs/s", false));
                    bars.Add(("receive (raw consume)", (double)r["raw_msgs_per_s"], "msgs/s", true));
                    break;
                case "order-saga":
                    bars.Add(("order-saga (orders/s)", (double)r["orders_per_s"], "orders/s", false));
                    bars.Add(("durable-step 8-hop chains/s", (double)r["durable_step_chains_per_s"], "chains/s", true));
                    break;
                case "order-scale":
                    bars.Add(($"order-scale {r["instances"]}× (orders/s)", (double)r["orders_per_s"], "orders/s", Convert.ToInt32(r["instances"], CultureInfo.InvariantCulture) == 1));
                    break;
                case "order-sql" or "restart":
                    break;
                default:
                    bars.Add((scenario, (double)r["msgs_per_s"], "msgs/s", scenario is "raw-chain" or "durable-step" or "masstransit-chain"));
                    break;
            }
        }

        var max = bars.Select(b => b.Value).DefaultIfEmpty(1).Max();
        var height = 50 + (bars.Count * (BarHeight + 8));
        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.AppendLine(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine(c, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"white\"/>");
        svg.AppendLine("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">OrderEats throughput (dark: engine, light: same-run baseline)</text>");
        var y = 36;
        foreach (var (label, value, unit, baseline) in bars)
        {
            var length = max > 0 ? (Width - Left - 120) * value / max : 0;
            svg.AppendLine(c, $"<text x=\"{Left - 6}\" y=\"{y + 12}\" text-anchor=\"end\">{SecurityElement.Escape(label)}</text>");
            svg.AppendLine(c, $"<rect x=\"{Left}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" fill=\"{(baseline ? "#9ecae1" : "#2171b5")}\"/>");
            svg.AppendLine(c, $"<text x=\"{Left + length + 6:0.#}\" y=\"{y + 12}\">{value:0.#} {unit}</text>");
            y += BarHeight + 8;
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }
}
