namespace OrderEats.Engine;

/// <summary>Base class for saga data with the members the engine needs.</summary>
public abstract class ContainSagaData : IContainSagaData
{
    /// <inheritdoc />
    public Guid Id { get; set; }

    /// <inheritdoc />
    public string? Originator { get; set; }

    /// <inheritdoc />
    public string? OriginalMessageId { get; set; }
}
