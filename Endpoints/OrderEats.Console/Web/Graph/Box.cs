namespace OrderEats.Console.Web.Graph;

/// <summary>An axis-aligned rectangle in SVG user units.</summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>The horizontal centre.</summary>
    public double CenterX => X + Width / 2;

    /// <summary>The vertical centre.</summary>
    public double CenterY => Y + Height / 2;

    /// <summary>Whether the two rectangles share any area (touching edges do not count).</summary>
    public bool Intersects(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    /// <summary>This box grown by <paramref name="margin"/> on every side.</summary>
    public Box Inflate(double margin) => new(X - margin, Y - margin, Width + 2 * margin, Height + 2 * margin);

    /// <summary>This box moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public Box Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}
