using System.Diagnostics;

namespace OrderEats.Orders.Tests.Infrastructure;

/// <summary>
/// Completes when an endpoint finished processing (committed and dispatched) a message of a given type, observed through the engine's
/// consumer spans (activity source "OrderEats.Engine"): the signal for effects that only live in saga state.
/// </summary>
public sealed class ProcessedSignal : IDisposable
{
    private readonly ActivityListener listener;
    private readonly TaskCompletionSource processed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProcessedSignal(string endpoint, string messageTypeName)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "OrderEats.Engine",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer
                    && activity.Status != ActivityStatusCode.Error
                    && activity.GetTagItem("messaging.destination.name") as string == endpoint
                    && (activity.GetTagItem("ordereats.message_types") as string)?.Contains(messageTypeName, StringComparison.Ordinal) == true)
                {
                    processed.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public Task Processed => processed.Task;

    public void Dispose() => listener.Dispose();
}
