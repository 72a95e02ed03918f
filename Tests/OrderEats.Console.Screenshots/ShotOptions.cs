using System.Globalization;

namespace OrderEats.Console.Screenshots;

/// <summary>--out folder (default docs/console) and --orders count (default 200).</summary>
internal sealed record ShotOptions(string Out, int Orders)
{
    public static ShotOptions Parse(string[] args)
    {
        var options = new ShotOptions("docs/console", 200);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--out" => options with { Out = args[i + 1] },
                "--orders" => options with { Orders = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --out <folder> and --orders <count>."),
            };
        }

        return options;
    }
}
