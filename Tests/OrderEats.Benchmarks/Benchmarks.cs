namespace OrderEats.Benchmarks;

/// <summary>The scenarios, in the order <c>all</c> runs them (baselines before what is compared with them).</summary>
internal static class Benchmarks
{
    public static readonly IReadOnlyList<string> All =
        ["raw-chain", "masstransit-chain", "engine-chain", "receive", "saga-initiate", "saga-update", "saga-congestion", "durable-step", "order-saga", "order-sql", "order-scale"];

    /// <summary>Scenarios that <c>all</c> does not run (named on the command line only).</summary>
    public static readonly IReadOnlyList<string> Extra = ["restart", "engine-chain-no-limit"];

    public static int Position(string scenario) => All.Contains(scenario) ? All.ToList().IndexOf(scenario) : All.Count + Extra.ToList().IndexOf(scenario);

    public static Task Run(string scenario, BenchContext context) => scenario switch
    {
        "raw-chain" => ChainScenarios.RawChain(context),
        "masstransit-chain" => ChainScenarios.MassTransitChain(context),
        "engine-chain" => ChainScenarios.EngineChain(context),
        "engine-chain-no-limit" => ChainScenarios.EngineChain(context, deliveryLimit: false),
        "receive" => ChainScenarios.Receive(context),
        "saga-initiate" => SagaScenarios.Initiate(context),
        "saga-update" => SagaScenarios.Update(context),
        "saga-congestion" => SagaScenarios.Congestion(context),
        "durable-step" => DurableStepScenario.Run(context),
        "order-saga" => OrderSagaScenario.Run(context),
        "order-sql" => OrderSqlScenario.Run(context),
        "restart" => RestartScenario.Run(context),
        "order-scale" => OrderSagaScenario.Scale(context),
        _ => throw new ArgumentException($"Unknown scenario '{scenario}'. Scenarios: {string.Join(", ", All)}, engine-chain-no-limit, all."),
    };
}
