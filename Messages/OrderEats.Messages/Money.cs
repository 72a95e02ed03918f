namespace OrderEats.Messages;

/// <summary>An amount of money in one currency.</summary>
/// <param name="Amount">The amount, in the currency's major unit (12.50).</param>
/// <param name="Currency">The ISO 4217 currency code (EUR).</param>
public sealed record Money(decimal Amount, string Currency);
