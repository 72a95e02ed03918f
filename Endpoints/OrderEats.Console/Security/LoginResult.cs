namespace OrderEats.Console.Security;

/// <summary>The outcome of a login: the user and their current security stamp, a refusal, or a wait imposed by the throttle.</summary>
internal sealed record LoginResult(ConsoleUser? User, string? Stamp, TimeSpan RetryAfter)
{
    public bool Succeeded => User is not null;

    public bool Throttled => RetryAfter > TimeSpan.Zero;
}
