namespace OrderEats.Orders.Validation;

/// <summary>A request to the catalog was invalid; <see cref="Errors"/> says what, per field.</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request is invalid: " + string.Join("; ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Key + ": " + string.Join(" ", e.Value))))
    {
        Errors = errors;
    }

    /// <summary>Error messages keyed by field (<c>name</c>, <c>menu[0].price</c>, <c>email</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
