namespace OrderEats.Engine.AcceptanceTesting;

/// <summary>The entry point of an acceptance test: <c>Scenario.Define&lt;Context&gt;().WithEndpoint&lt;Sender&gt;(...).Done(c =&gt; ...).Run()</c>.</summary>
public static class Scenario
{
    /// <summary>The time a scenario may take when <c>Run</c> is given none (default 60 s).</summary>
    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Starts a scenario whose state is a new <typeparamref name="TContext"/>.</summary>
    public static ScenarioBuilder<TContext> Define<TContext>()
        where TContext : ScenarioContext, new() => new(new TContext());

    /// <summary>Starts a scenario whose state is a new <typeparamref name="TContext"/>, set up by <paramref name="initialize"/>.</summary>
    public static ScenarioBuilder<TContext> Define<TContext>(Action<TContext> initialize)
        where TContext : ScenarioContext, new()
    {
        ArgumentNullException.ThrowIfNull(initialize);
        var context = new TContext();
        initialize(context);
        return new ScenarioBuilder<TContext>(context);
    }
}
