namespace OrderEats.Engine.Pipeline;

/// <summary>Runs the steps in order, each wrapping the ones after it.</summary>
internal sealed class IncomingPipeline(IReadOnlyList<IIncomingStep> steps)
{
    public Task Invoke(IncomingContext context) => InvokeFrom(0, context);

    private Task InvokeFrom(int index, IncomingContext context) =>
        index == steps.Count ? Task.CompletedTask : steps[index].Invoke(context, () => InvokeFrom(index + 1, context));
}
