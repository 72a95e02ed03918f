namespace OrderEats.Engine.Sagas;

/// <summary>What happened when a message reached one saga type.</summary>
internal enum SagaOutcome
{
    /// <summary>An existing instance handled the message.</summary>
    Found,

    /// <summary>No instance matched and the message started a new one.</summary>
    Started,

    /// <summary>No instance matched and the message does not start the saga: the handler was not called.</summary>
    NotFound,

    /// <summary>A timeout whose instance is gone (completed) or that was cancelled: dropped without calling anything.</summary>
    TimeoutDropped,
}
