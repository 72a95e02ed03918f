using OrderEats.Engine.Extensibility;

namespace OrderEats.Engine.Pipeline;

/// <summary>Runs an add-on's step in the engine's pipeline.</summary>
internal sealed class ExtensionStep(IIncomingMessageStep step) : IIncomingStep
{
    public Task Invoke(IncomingContext context, Func<Task> next) => step.Invoke(context, next);
}
