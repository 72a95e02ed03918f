namespace OrderEats.Engine.Pipeline;

/// <summary>One step of the incoming pipeline: do something around the rest of the pipeline.</summary>
internal interface IIncomingStep
{
    Task Invoke(IncomingContext context, Func<Task> next);
}
