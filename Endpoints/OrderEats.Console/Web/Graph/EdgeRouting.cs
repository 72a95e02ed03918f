using System.Globalization;

namespace OrderEats.Console.Web.Graph;

/// <summary>
/// Draws one edge of a saga graph and places its label: a loop above (or below) its state, or a straight or bent arrow between two states;
/// the label goes to the first candidate position that touches none of the obstacles (states and labels placed before).
/// </summary>
internal static class EdgeRouting
{
    public static (string Path, Box Label, bool Clear) Loop(Box node, (double Width, double Height) size, bool above, List<Box> obstacles)
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

    public static (string Path, Box Label, bool Clear) Arrow(Box from, Box to, (double Width, double Height) size, List<Box> obstacles, bool twoWay)
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

    public static (Box Chosen, bool Clear) Choose(List<Box> candidates, List<Box> obstacles)
    {
        foreach (var candidate in candidates.Where(c => !obstacles.Any(c.Intersects)))
        {
            return (candidate, true);
        }

        return (candidates.MinBy(c => obstacles.Count(c.Intersects)), false);
    }

    public static bool CrossesState(Box from, Box to, double bend, List<Box> obstacles)
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

    public static (double X, double Y) Clip(Box box, double towardX, double towardY)
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

    public static (double X, double Y) Normal(double x1, double y1, double x2, double y2)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Max(1, Math.Sqrt(dx * dx + dy * dy));
        return (dy / length, -dx / length);
    }

    public static (double X, double Y) Bezier(double x0, double y0, double cx, double cy, double x1, double y1, double t) =>
        ((1 - t) * (1 - t) * x0 + 2 * (1 - t) * t * cx + t * t * x1, (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * cy + t * t * y1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
