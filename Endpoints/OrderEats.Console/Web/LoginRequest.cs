namespace OrderEats.Console.Web;

/// <summary>The body of POST /api/login.</summary>
internal sealed record LoginRequest(string? Name, string? Password);
