using Microsoft.Extensions.Logging;

namespace OrderEats.Console.Security;

/// <summary>
/// Checks a name and password: refused while the throttle says wait; otherwise the same work for every name (a user that does not exist is
/// checked against a hash of the same strength); a configured hash with fewer than the policy's iterations is re-hashed after a successful login.
/// </summary>
internal sealed class LoginService(UserDirectory users, UserStore store, LoginThrottle throttle, PasswordPolicy policy, ILogger<LoginService> logger) : IDisposable
{
    // PBKDF2 at 600,000 iterations takes a core for a fraction of a second: more at once than there are cores only queue up.
    private readonly SemaphoreSlim hashing = new(Environment.ProcessorCount);
    private long hashesChecked;

    /// <summary>How many password hashes were checked: one per login attempt that was not throttled, whatever the name.</summary>
    public long HashesChecked => Interlocked.Read(ref hashesChecked);

    public async Task<LoginResult> Login(string name, string password, string? address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var wait = throttle.Wait(name, address);
        if (wait > TimeSpan.Zero)
        {
            return new LoginResult(null, null, wait);
        }

        var user = users.Find(name);
        var configured = user?.PasswordHash ?? policy.Dummy;
        var upgraded = await store.Upgraded(user?.Name ?? name, configured, cancellationToken);
        var effective = upgraded ?? configured;
        bool valid;
        await hashing.WaitAsync(cancellationToken);
        try
        {
            valid = PasswordHash.Verify(password, effective) && user is not null;
            Interlocked.Increment(ref hashesChecked);
        }
        finally
        {
            hashing.Release();
        }

        if (!valid)
        {
            throttle.Failed(name, address);
            logger.LogWarning("Console login failed for name {Name} from {Address}", name.Length > 100 ? name[..100] : name, address);
            return new LoginResult(null, null, TimeSpan.Zero);
        }

        throttle.Succeeded(name);
        if (PasswordHash.IterationsOf(effective) < policy.Iterations)
        {
            await store.SaveUpgraded(user!.Name, user.PasswordHash, PasswordHash.Create(password, policy.Iterations), cancellationToken);
            logger.LogWarning(
                "The password hash of console user {Name} had {Iterations} PBKDF2 iterations; it was re-hashed with {Target} and kept in the console database. " +
                "Replace its Console:Users PasswordHash with the output of `hash-password` to make that permanent",
                user.Name, PasswordHash.IterationsOf(effective), policy.Iterations);
        }

        return new LoginResult(user, await store.Stamp(user!.Name, cancellationToken), TimeSpan.Zero);
    }

    public void Dispose() => hashing.Dispose();
}
