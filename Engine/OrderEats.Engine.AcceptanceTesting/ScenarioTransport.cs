using OrderEats.Engine.RabbitMQ;

namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>The transport a scenario's endpoints run on: the learning transport (a fresh folder per run) or a RabbitMQ broker.</summary>
public abstract class ScenarioTransport
{
    /// <summary>Set to an AMQP URI to run every scenario that does not choose a transport on that RabbitMQ broker.</summary>
    public const string RabbitMqEnvironmentVariable = "ORDEREATS_ACCEPTANCE_RABBITMQ";

    private protected ScenarioTransport()
    {
    }

    /// <summary>
    /// The transport of scenarios that do not call <c>WithTransport</c>: RabbitMQ when <see cref="RabbitMqEnvironmentVariable"/> names a broker,
    /// else the learning transport. Set it (e.g. in a SetUpFixture) to run a whole suite on another one.
    /// </summary>
    public static ScenarioTransport Default { get; set; } = Environment.GetEnvironmentVariable(RabbitMqEnvironmentVariable) is { Length: > 0 } uri ? RabbitMq(uri) : Learning();

    /// <summary>The learning transport in a new temporary folder per run, deleted afterwards.</summary>
    public static ScenarioTransport Learning() => new LearningScenarioTransport();

    /// <summary>The RabbitMQ broker at <paramref name="amqpUri"/>; the scenario's endpoint queues are purged before it starts.</summary>
    public static ScenarioTransport RabbitMq(string amqpUri, Action<RabbitMqOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(amqpUri);
        return new RabbitMqScenarioTransport(amqpUri, configure);
    }

    internal abstract Task<IScenarioTransportRun> Begin(IReadOnlyList<string> endpointQueues, CancellationToken cancellationToken);
}
