namespace OrderEats.Orders.Http;

/// <summary>
/// Back-office staff tokens (configuration section "Orders:Auth:Staff"): JWTs of their own audience (and usually their own issuer), signed with
/// <see cref="SigningKey"/> or issued by <see cref="Authority"/>. A valid staff token grants back-office rights; a customer token never does.
/// </summary>
public sealed class StaffTokenOptions
{
    /// <summary>The issuer staff tokens must carry.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience staff tokens must carry; it must differ from the customer audience (it is how a staff token is told from a customer's).</summary>
    public string? Audience { get; set; }

    /// <summary>The HMAC-SHA256 key staff tokens are signed with (at least 32 bytes, not the customer key).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The OpenID Connect authority that issues staff tokens; instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>The accepted signing algorithms; empty: HS256 with a key, RS256 with an authority.</summary>
    public IList<string> Algorithms { get; } = [];

    internal bool IsConfigured => SigningKey is not null || Authority is not null;

    internal IReadOnlyList<string> AcceptedAlgorithms => TokenAlgorithms.Accepted(Algorithms, SigningKey is not null);

    internal void Validate(OrdersAuthOptions customer)
    {
        const string section = OrdersAuthOptions.Section + ":Staff";
        if (!IsConfigured)
        {
            if (Issuer is not null || Audience is not null)
            {
                throw new InvalidOperationException($"{section} names an issuer or audience but neither {section}:SigningKey nor {section}:Authority; set one, or remove the section.");
            }

            return;
        }

        TokenAlgorithms.CheckKeyOrAuthority(section, SigningKey, Authority, Algorithms);
        if (string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience))
        {
            throw new InvalidOperationException($"{section}:Issuer and {section}:Audience are required for staff tokens, e.g. \"ordereats-staff\" and \"ordereats-backoffice\".");
        }

        if (string.Equals(Audience, customer.Audience, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{section}:Audience is '{Audience}', the same as the customer audience {OrdersAuthOptions.Section}:Audience: staff and customer tokens must have separate audiences, " +
                "or a customer token could pass as a staff token. Give staff tokens their own audience.");
        }

        if (SigningKey is not null && string.Equals(SigningKey, customer.SigningKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"{section}:SigningKey is the customer signing key: whoever can sign customer tokens could then sign staff tokens. Use a separate key.");
        }
    }
}
