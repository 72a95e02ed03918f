namespace OrderEats.Engine.Hosting;

/// <summary>The message session of a hosted endpoint: usable as soon as it is resolved, it waits for the endpoint to have started.</summary>
public sealed class StartedEndpoint : IMessageSession
{
    private readonly TaskCompletionSource<EndpointInstance> instance = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal StartedEndpoint(string endpointName) => EndpointName = endpointName;

    /// <summary>The endpoint's name.</summary>
    public string EndpointName { get; }

    /// <summary>The running instance, once started; null before.</summary>
    public EndpointInstance? Instance => instance.Task.IsCompletedSuccessfully ? instance.Task.Result : null;

    /// <summary>Waits until the endpoint has started.</summary>
    public Task<EndpointInstance> WhenStarted(CancellationToken cancellationToken = default) => instance.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task Send(object message, SendOptions? options = null, CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).Send(message, options, cancellationToken);

    /// <inheritdoc />
    public async Task Publish(object message, PublishOptions? options = null, CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).Publish(message, options, cancellationToken);

    /// <summary>Opens a transactional session on the endpoint once it has started; see <see cref="EndpointInstance.OpenTransactionalSession"/>.</summary>
    public async Task<ITransactionalSession> OpenTransactionalSession(CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).OpenTransactionalSession(cancellationToken);

    /// <inheritdoc />
    public async Task SendLocal(object message, SendOptions? options = null, CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).SendLocal(message, options, cancellationToken);

    /// <inheritdoc />
    public async Task Subscribe(Type eventType, CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).Subscribe(eventType, cancellationToken);

    /// <inheritdoc />
    public async Task Unsubscribe(Type eventType, CancellationToken cancellationToken = default) =>
        await (await WhenStarted(cancellationToken)).Unsubscribe(eventType, cancellationToken);

    internal void Started(EndpointInstance endpoint) => instance.TrySetResult(endpoint);

    internal void Failed(Exception exception) => instance.TrySetException(exception);
}
