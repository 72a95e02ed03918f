namespace OrderEats.Console.Security;

/// <summary>
/// Slows down password guessing per user name and per client address. After a few free failures each further failure makes the next attempt
/// wait twice as long (2 s, 4 s, 8 s …); at the lockout count the name (or address) is locked for <see cref="Lockout"/>. While waiting,
/// attempts are refused without checking the password, so the right password does not get in either. Names that do not exist are tracked
/// like names that do, so the answers do not tell them apart. A success clears the name's failures; an hour without failures clears any.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private const int MaxEntries = 20_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>(free failures, lockout count) for a user name.</summary>
    public static (int Free, int LockAt) PerName { get; } = (3, 10);

    /// <summary>(free failures, lockout count) for a client address.</summary>
    public static (int Free, int LockAt) PerAddress { get; } = (10, 30);

    /// <summary>How long the caller must wait before the next attempt for this name and address; zero when it may try now.</summary>
    public TimeSpan Wait(string name, string? address)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in Keys(name, address))
            {
                if (entries.TryGetValue(key, out var entry) && entry.BlockedUntil > now)
                {
                    wait = Max(wait, entry.BlockedUntil - now);
                }
            }

            return wait;
        }
    }

    public void Failed(string name, string? address)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (entries.Count >= MaxEntries)
            {
                Trim(now);
            }

            foreach (var key in Keys(name, address))
            {
                var (free, lockAt) = key[0] == 'n' ? PerName : PerAddress;
                var entry = entries.TryGetValue(key, out var known) && now - known.LastFailure < Forget ? known : new Entry(0, now, now);
                var failures = entry.Failures + 1;
                var delay = failures >= lockAt ? Lockout
                    : failures > free ? TimeSpan.FromSeconds(Math.Min(Lockout.TotalSeconds, Math.Pow(2, failures - free)))
                    : TimeSpan.Zero;
                entries[key] = new Entry(failures, now, now + delay);
            }
        }
    }

    public void Succeeded(string name)
    {
        lock (gate)
        {
            entries.Remove(NameKey(name));
        }
    }

    private static IEnumerable<string> Keys(string name, string? address) =>
        address is null ? [NameKey(name)] : [NameKey(name), "a:" + address];

    private static string NameKey(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        return "n:" + (key.Length > 200 ? key[..200] : key);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // Forget what is old; if an attacker fills the table with fresh names, drop the least recent half rather than grow without bound.
    private void Trim(DateTimeOffset now)
    {
        foreach (var key in entries.Where(e => now - e.Value.LastFailure >= Forget && e.Value.BlockedUntil <= now).Select(e => e.Key).ToList())
        {
            entries.Remove(key);
        }

        if (entries.Count >= MaxEntries)
        {
            foreach (var key in entries.Where(e => e.Key[0] == 'n').OrderBy(e => e.Value.LastFailure).Take(entries.Count / 2).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);
}
