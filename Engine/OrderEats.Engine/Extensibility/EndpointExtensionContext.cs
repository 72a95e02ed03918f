using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Persistence;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Extensibility;

/// <summary>A starting endpoint as an add-on sees it (<see cref="IEndpointExtension.Attach"/>): what it runs on, and where the add-on plugs in.</summary>
public sealed class EndpointExtensionContext
{
    private readonly List<IIncomingMessageStep> aroundMessage = [];
    private readonly List<IIncomingMessageStep> inUnitOfWork = [];
    private readonly List<IHostedService> backgroundWork = [];

    internal EndpointExtensionContext()
    {
    }

    /// <summary>The endpoint's configuration (name, host name, queues).</summary>
    public required EndpointConfiguration Configuration { get; init; }

    /// <summary>The endpoint's transport, for messages the add-on sends itself.</summary>
    public required ITransport Transport { get; init; }

    /// <summary>The sagas the endpoint hosts.</summary>
    public required IReadOnlyList<HostedSaga> Sagas { get; init; }

    /// <summary>The endpoint's saga persister; null when it has no persistence.</summary>
    public ISagaPersister? SagaPersister { get; init; }

    /// <summary>The endpoint's root services.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>The clock the endpoint uses.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Creates the add-on's loggers.</summary>
    public required ILoggerFactory LoggerFactory { get; init; }

    internal IReadOnlyList<IIncomingMessageStep> AroundMessageSteps => aroundMessage;

    internal IReadOnlyList<IIncomingMessageStep> InUnitOfWorkSteps => inUnitOfWork;

    internal IReadOnlyList<IHostedService> BackgroundWork => backgroundWork;

    /// <summary>Adds <paramref name="step"/> to every incoming message's pipeline at <paramref name="stage"/>, after the steps added before it.</summary>
    public void AddStep(IncomingStage stage, IIncomingMessageStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        (stage switch
        {
            IncomingStage.AroundMessage => aroundMessage,
            IncomingStage.InUnitOfWork => inUnitOfWork,
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Use IncomingStage.AroundMessage or IncomingStage.InUnitOfWork."),
        }).Add(step);
    }

    /// <summary>Runs <paramref name="work"/> with the endpoint: started once it receives, stopped when it stops (before the transport is released).</summary>
    public void AddBackgroundWork(IHostedService work)
    {
        ArgumentNullException.ThrowIfNull(work);
        backgroundWork.Add(work);
    }
}
