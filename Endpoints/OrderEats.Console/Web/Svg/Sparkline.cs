using System.Globalization;
using System.Text;

namespace OrderEats.Console.Web.Svg;

/// <summary>A small SVG line chart of a series (oldest first), with its latest and highest value written beside it.</summary>
internal static class Sparkline
{
    public static string Render(string label, IReadOnlyList<double> values, string unit, double width = 180, double height = 40)
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = values.Count == 0 ? 0 : values.Max();
        var scale = max <= 0 ? 0 : (height - 4) / max;
        var step = values.Count <= 1 ? 0 : width / (values.Count - 1);
        var points = string.Join(' ', values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{i * step:0.#},{height - 2 - v * scale:0.#}")));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><figcaption>{Html.E(label)}: {Html.E(Format(values.Count == 0 ? 0 : values[^1]))} {Html.E(unit)} (max {Html.E(Format(max))})</figcaption>")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{Html.E(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#f6f8fa\"/>");
        if (values.Count == 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"2\" cy=\"{height - 2 - values[0] * scale:0.#}\" r=\"2\" fill=\"#243447\"/>");
        }
        else if (values.Count > 1)
        {
            svg.Append("<polyline fill=\"none\" stroke=\"#243447\" stroke-width=\"1.5\" points=\"").Append(points).Append("\"/>");
        }

        return svg.Append("</svg></figure>").ToString();
    }

    public static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
