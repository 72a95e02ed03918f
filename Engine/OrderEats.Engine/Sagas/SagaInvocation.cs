namespace OrderEats.Engine.Sagas;

/// <summary>The outcome of one saga invocation and, when a handler ran, the saga object as the handler left it.</summary>
internal sealed record SagaInvocation(SagaOutcome Outcome, Saga? Instance)
{
    public bool FoundOrStarted => Outcome is SagaOutcome.Found or SagaOutcome.Started;
}
