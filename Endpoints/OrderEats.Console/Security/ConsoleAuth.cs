namespace OrderEats.Console.Security;

/// <summary>Names of the console's authentication scheme, policies and session claims.</summary>
internal static class ConsoleAuth
{
    public const string Scheme = "OrderEats.Console";
    public const string Readers = "OrderEats.Console.Readers";
    public const string Operators = "OrderEats.Console.Operators";

    /// <summary>The user's security stamp when the session began.</summary>
    public const string StampClaim = "ordereats:stamp";

    /// <summary>A fingerprint of the user's configured password hash when the session began.</summary>
    public const string PasswordClaim = "ordereats:pwd";

    /// <summary>When the session began (Unix milliseconds).</summary>
    public const string IssuedClaim = "ordereats:issued";

    /// <summary>A session is idle-expired after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    /// <summary>A session ends this long after login, whatever its activity.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);
}
