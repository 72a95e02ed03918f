namespace OrderEats.ServiceDefaults.Health;

/// <summary>Callers authenticated by <paramref name="Scheme"/> in one of <paramref name="Roles"/> see the details of /health/ready.</summary>
/// <param name="Scheme">The authentication scheme that identifies them.</param>
/// <param name="Roles">The roles that count as operators.</param>
public sealed record HealthOperators(string Scheme, IReadOnlyList<string> Roles);
