namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>One When step: an action on the endpoint's session, run once (when its condition first holds, or at the start without one).</summary>
internal sealed record WhenStep<TContext>(Func<TContext, bool>? Condition, Func<IMessageSession, TContext, Task> Action)
    where TContext : ScenarioContext;
