namespace OrderEats.Engine;

/// <summary>Options shared by send, publish and reply: extra headers and an explicit message id.</summary>
public abstract class ExtendableOptions
{
    /// <summary>Headers to add to the outgoing message; engine headers win over these.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The outgoing message's id; a new one is generated when null.</summary>
    public string? MessageId { get; set; }
}
