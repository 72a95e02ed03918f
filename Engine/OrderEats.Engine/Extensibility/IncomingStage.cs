namespace OrderEats.Engine.Extensibility;

/// <summary>Where in the incoming pipeline an add-on's step runs.</summary>
public enum IncomingStage
{
    /// <summary>Around the whole message, outside the unit of work: sees every failure and runs after the commit and the dispatch of outgoing messages.</summary>
    AroundMessage,

    /// <summary>
    /// Inside the unit of work, just before the handlers: <see cref="IIncomingMessageContext.Session"/> is open. A step may consume a control
    /// message (one with the <see cref="Headers.ControlMessage"/> header, which the engine does not deserialize) by not calling next.
    /// </summary>
    InUnitOfWork,
}
