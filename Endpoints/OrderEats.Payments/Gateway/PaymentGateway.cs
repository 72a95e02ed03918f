using Microsoft.Extensions.Options;
using OrderEats.Messages;

namespace OrderEats.Payments.Gateway;

/// <summary>
/// A simulated card gateway: each call waits <see cref="PaymentGatewayOptions.Latency"/>, fails transiently at
/// <see cref="PaymentGatewayOptions.TransientFailureRate"/> (before doing anything) and declines charges at <see cref="PaymentGatewayOptions.DeclineRate"/>.
/// Its counters let a demo show how often it failed while the ledger still holds one charge per order.
/// </summary>
public sealed class PaymentGateway
{
    private readonly IOptionsMonitor<PaymentGatewayOptions> options;
    private readonly ILogger<PaymentGateway> logger;
    private readonly TimeProvider time;
    private int calls;
    private int transientFailures;
    private int declines;
    private long outageUntilTicks;
    private int outageFailures;

    /// <summary>Creates the gateway reading <paramref name="options"/> on every call; outages are timed by <paramref name="time"/>.</summary>
    public PaymentGateway(IOptionsMonitor<PaymentGatewayOptions> options, ILogger<PaymentGateway> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        this.options = options;
        this.logger = logger;
        this.time = time;
    }

    /// <summary>Calls made, including failed ones.</summary>
    public int Calls => Volatile.Read(ref calls);

    /// <summary>Calls that failed transiently.</summary>
    public int TransientFailures => Volatile.Read(ref transientFailures);

    /// <summary>Charges declined.</summary>
    public int Declines => Volatile.Read(ref declines);

    /// <summary>Calls that failed because of a forced outage (<see cref="StartOutage"/>).</summary>
    public int OutageFailures => Volatile.Read(ref outageFailures);

    /// <summary>True while a forced outage lasts.</summary>
    public bool IsDown => time.GetUtcNow().UtcTicks < Volatile.Read(ref outageUntilTicks);

    /// <summary>Makes every call fail with <see cref="PaymentGatewayUnavailableException"/> for <paramref name="duration"/> from now (a demo of a dependency that is down for minutes).</summary>
    public void StartOutage(TimeSpan duration)
    {
        Volatile.Write(ref outageUntilTicks, (time.GetUtcNow() + duration).UtcTicks);
        logger.LogWarning("Payment gateway forced down for {Duration}", duration);
    }

    /// <summary>Charges <paramref name="amount"/> to <paramref name="customerId"/> for <paramref name="orderId"/>.</summary>
    /// <exception cref="PaymentGatewayUnavailableException">The gateway failed transiently; nothing was charged.</exception>
    public async Task<GatewayDecision> Charge(Guid orderId, Guid customerId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var current = await Call("charge", orderId, cancellationToken);
        if (Random.Shared.NextDouble() < current.DeclineRate)
        {
            Interlocked.Increment(ref declines);
            logger.LogInformation("Gateway declined {Amount} {Currency} for order {OrderId} of customer {CustomerId}", amount.Amount, amount.Currency, orderId, customerId);
            return new GatewayDecision(false, "Card declined by the issuer");
        }

        logger.LogInformation("Gateway charged {Amount} {Currency} for order {OrderId} to customer {CustomerId}", amount.Amount, amount.Currency, orderId, customerId);
        return new GatewayDecision(true, null);
    }

    /// <summary>Refunds <paramref name="amount"/> for <paramref name="orderId"/>; refunds are never declined.</summary>
    /// <exception cref="PaymentGatewayUnavailableException">The gateway failed transiently; nothing was refunded.</exception>
    public async Task Refund(Guid orderId, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amount);
        await Call("refund", orderId, cancellationToken);
        logger.LogInformation("Gateway refunded {Amount} {Currency} for order {OrderId}", amount.Amount, amount.Currency, orderId);
    }

    private async Task<PaymentGatewayOptions> Call(string operation, Guid orderId, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        Interlocked.Increment(ref calls);
        if (current.Latency > TimeSpan.Zero)
        {
            await Task.Delay(current.Latency, cancellationToken);
        }

        if (IsDown)
        {
            Interlocked.Increment(ref outageFailures);
            throw new PaymentGatewayUnavailableException(
                $"The payment gateway is down (forced outage) and did not answer the {operation} of order {orderId}. Nothing was done; the message waits and is retried.");
        }

        if (Random.Shared.NextDouble() < current.TransientFailureRate)
        {
            Interlocked.Increment(ref transientFailures);
            throw new PaymentGatewayUnavailableException(
                $"The payment gateway did not answer the {operation} of order {orderId} (simulated, Payments:Gateway:TransientFailureRate = {current.TransientFailureRate}). " +
                "Nothing was done; the message is retried.");
        }

        return current;
    }
}
