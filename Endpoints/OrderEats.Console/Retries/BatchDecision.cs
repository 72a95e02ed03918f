namespace OrderEats.Console.Retries;

/// <summary>The scheduler's answer: send <paramref name="Take"/> messages now (0 = none yet), and do not send the next batch before <paramref name="NextAt"/>.</summary>
public sealed record BatchDecision(int Take, DateTimeOffset NextAt);
