using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderEats.Console.Web.Views;

namespace OrderEats.Console.Web.Pages;

/// <summary>Renders a page component on the server with its parameters (anonymous object: property names are parameter names).</summary>
internal static class View
{
    public static RazorComponentResult Of<TComponent>(object parameters, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent => new RazorComponentResult<TComponent>(parameters) { StatusCode = statusCode };

    public static RazorComponentResult Message(string title, string text, int statusCode, bool error = true, IReadOnlyList<(string Label, string Path)>? links = null) =>
        Of<MessageView>(new { Title = title, Text = text, Error = error, Links = links }, statusCode);

    public static RazorComponentResult NotFound(string what, string id) =>
        Message("Not found", $"{what} {id} does not exist.", StatusCodes.Status404NotFound);

    /// <summary>A local path to go back to, or <paramref name="fallback"/> when <paramref name="url"/> could lead off the console.</summary>
    public static string LocalOr(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;
}
