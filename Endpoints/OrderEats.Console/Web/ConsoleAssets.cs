using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderEats.Console.Web;

/// <summary>
/// The console's one stylesheet, one script and its icon, embedded in the assembly and served from /assets/ under a content hash (cached for a year,
/// a new build gets a new URL). Embedding keeps the console self-contained in any host, with no static-files setup.
/// </summary>
public static class ConsoleAssets
{
    /// <summary>The stylesheet's name.</summary>
    public const string Stylesheet = "console.css";

    /// <summary>The script's name.</summary>
    public const string Script = "console.js";

    /// <summary>The icon's name.</summary>
    public const string Icon = "favicon.svg";

    private static readonly Dictionary<string, (byte[] Content, string Hash, string ContentType)> Assets = Load();

    /// <summary>The versioned path of an asset: /assets/console.css?v=hash.</summary>
    public static string Url(string name) => $"/assets/{name}?v={Assets[name].Hash}";

    internal static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Bytes(asset.Content, asset.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static Dictionary<string, (byte[], string, string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var result = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { (Stylesheet, "text/css; charset=utf-8"), (Script, "text/javascript; charset=utf-8"), (Icon, "image/svg+xml") })
        {
            using var stream = assembly.GetManifestResourceStream("OrderEats.Console.Assets." + name)
                ?? throw new InvalidOperationException($"The console asset {name} is not embedded in {assembly.GetName().Name}; the build is broken.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            result[name] = (content, Convert.ToHexStringLower(SHA256.HashData(content))[..12], type);
        }

        return result;
    }
}
