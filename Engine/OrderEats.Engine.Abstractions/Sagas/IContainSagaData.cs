namespace OrderEats.Engine;

/// <summary>State of one saga instance. The engine sets these members; the saga adds its own.</summary>
public interface IContainSagaData
{
    /// <summary>The saga instance id.</summary>
    Guid Id { get; set; }

    /// <summary>The queue of the endpoint that started the saga; <c>ReplyToOriginator</c> sends there.</summary>
    string? Originator { get; set; }

    /// <summary>The id of the message that started the saga.</summary>
    string? OriginalMessageId { get; set; }
}
