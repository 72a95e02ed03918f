namespace OrderEats.Engine.Extensibility;

/// <summary>A step an add-on puts into every incoming message's pipeline (see <see cref="EndpointExtensionContext.AddStep"/>): it does its work around <c>next</c>, the rest of the pipeline.</summary>
public interface IIncomingMessageStep
{
    /// <summary>Runs the step; call <paramref name="next"/> exactly once to go on, or not at all to consume the message here (control messages only).</summary>
    Task Invoke(IIncomingMessageContext context, Func<Task> next);
}
