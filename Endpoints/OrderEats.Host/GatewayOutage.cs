using OrderEats.Engine.Hosting;
using OrderEats.Engine.Recoverability;
using OrderEats.Payments.Gateway;

namespace OrderEats.Host;

/// <summary>`demo --gateway-outage SECONDS`: forces the payment gateway down and measures how the Payments endpoint throttles and recovers.</summary>
internal sealed class GatewayOutage : IDisposable
{
    private readonly PaymentGateway gateway;
    private readonly EndpointInstance payments;
    private readonly DemoClock stopwatch;
    private readonly Lock sync = new();
    private readonly List<(TimeSpan At, bool Throttled, int Calls)> transitions = [];
    private TimeSpan started;

    public GatewayOutage(PaymentGateway gateway, EndpointInstance payments, TimeSpan duration, DemoClock stopwatch)
    {
        this.gateway = gateway;
        this.payments = payments;
        this.stopwatch = stopwatch;
        Duration = duration;
        payments.ThrottleChanged += OnThrottleChanged;
    }

    public const string PaymentTimeoutKey = "Orders:PaymentTimeout";

    public TimeSpan Duration { get; }

    /// <summary>The demo's order timeouts must outlast the outage, or orders would be cancelled instead of finishing after it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(TimeSpan duration) =>
        [new(PaymentTimeoutKey, (duration + TimeSpan.FromMinutes(2)).ToString("c"))];

    public void Start(TextWriter output)
    {
        started = stopwatch.Elapsed;
        gateway.StartOutage(Duration);
        output.WriteLine($"Payment gateway forced down for {Duration.TotalSeconds:0} s from {DemoCommand.Seconds(started)} s.");
    }

    public void Write(TextWriter output, TimeSpan settledAt)
    {
        List<(TimeSpan At, bool Throttled, int Calls)> seen;
        lock (sync)
        {
            seen = [.. transitions];
        }

        var back = started + Duration;
        var entered = seen.FirstOrDefault(t => t.Throttled);
        var left = seen.LastOrDefault(t => !t.Throttled && t.At >= back);
        output.WriteLine();
        output.WriteLine($"Gateway outage {Duration.TotalSeconds:0} s: {gateway.OutageFailures} gateway calls failed during it; throttle transitions: " +
            string.Join(", ", seen.Select(t => $"{(t.Throttled ? "throttled" : "full speed")} at {DemoCommand.Seconds(t.At)} s")));
        if (entered == default || left == default)
        {
            output.WriteLine("  The Payments endpoint did not go through a full throttled period (see the transitions above).");
            return;
        }

        var throttledFor = left.At - entered.At;
        var attempts = left.Calls - entered.Calls;
        output.WriteLine($"  throttled for {DemoCommand.Seconds(throttledFor)} s: {attempts} attempts, {attempts / throttledFor.TotalSeconds:0.00} messages/s (one at a time)");
        output.WriteLine($"  gateway back at {DemoCommand.Seconds(back)} s; full speed again {DemoCommand.Seconds(left.At - back)} s later; every order settled {DemoCommand.Seconds(settledAt - back)} s after the gateway returned");
    }

    public void Dispose() => payments.ThrottleChanged -= OnThrottleChanged;

    private void OnThrottleChanged(object? sender, ThrottleChangedEventArgs e)
    {
        lock (sync)
        {
            transitions.Add((stopwatch.Elapsed, e.Throttled, gateway.Calls));
        }
    }
}
