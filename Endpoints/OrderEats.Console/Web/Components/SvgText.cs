using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace OrderEats.Console.Web.Components;

/// <summary>An SVG &lt;text&gt; element (Razor reserves the &lt;text&gt; tag, so the graph builds it here).</summary>
public sealed class SvgText : ComponentBase
{
    /// <summary>The x coordinate.</summary>
    [Parameter]
    public double X { get; set; }

    /// <summary>The y coordinate of the baseline.</summary>
    [Parameter]
    public double Y { get; set; }

    /// <summary>The CSS class.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>The text or tspans.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(2, "y", Y.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "text-anchor", "middle");
        builder.AddAttribute(4, "class", Class);
        builder.AddContent(5, ChildContent);
        builder.CloseElement();
    }
}
