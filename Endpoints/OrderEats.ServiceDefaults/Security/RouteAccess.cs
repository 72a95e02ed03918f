namespace OrderEats.ServiceDefaults.Security;

/// <summary>One route of a process and who may call it.</summary>
/// <param name="Route">The route pattern, e.g. <c>/orders/{id}</c>.</param>
/// <param name="Methods">Its HTTP methods (empty: any).</param>
/// <param name="Anonymous">True when anonymous callers reach it (marked AllowAnonymous, or its policy lets an anonymous caller through).</param>
/// <param name="Policy">What the caller needs: the policy's requirements, or "anonymous".</param>
public sealed record RouteAccess(string Route, IReadOnlyList<string> Methods, bool Anonymous, string Policy)
{
    /// <summary>"GET,POST /route".</summary>
    public string Key => (Methods.Count == 0 ? "*" : string.Join(',', Methods)) + " " + Route;
}
