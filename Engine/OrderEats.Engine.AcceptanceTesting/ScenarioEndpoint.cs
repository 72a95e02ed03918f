namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>An endpoint as the scenario declared it.</summary>
internal sealed record ScenarioEndpoint<TContext>(
    string Name, IEndpointSetupTemplate Template, IReadOnlyList<Type> HandlerTypes, IReadOnlyList<Action<EndpointConfiguration>> Setups, EndpointBehaviorBuilder<TContext> Behavior)
    where TContext : ScenarioContext;
