namespace OrderEats.Console.Security;

/// <summary>
/// The iteration count new hashes get (600,000 in production), and a hash of a random password at that count, which unknown user names are
/// checked against so a login for a name that does not exist costs the same as one that does.
/// </summary>
internal sealed class PasswordPolicy(int iterations = PasswordHash.Iterations)
{
    private readonly Lazy<string> dummy = new(() => PasswordHash.Create(Guid.NewGuid().ToString("N"), iterations));

    public int Iterations { get; } = iterations;

    public string Dummy => dummy.Value;
}
