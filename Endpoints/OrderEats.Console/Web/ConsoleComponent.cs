using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OrderEats.Console.Web;

/// <summary>The base of every console component: the request it renders for, links under the path base, and the user's role.</summary>
public abstract class ConsoleComponent : ComponentBase
{
    /// <summary>The request being rendered (static server rendering supplies it).</summary>
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    /// <summary>Whether the user may act (retry, archive, restore, edit, cancel timeouts).</summary>
    protected bool IsOperator => HttpContext.User.IsInRole(nameof(ConsoleRole.Operator));

    /// <summary>The time the page is rendered at, for relative times.</summary>
    protected DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A console path under the request's path base.</summary>
    protected string Href(string path) => HttpContext.Request.PathBase + path;
}
