using OrderEats.Engine.Contracts;

namespace OrderEats.Messages;

/// <summary>An amount of money in one currency.</summary>
/// <param name="Amount">The amount, in the currency's major unit (12.50), at most two decimal places.</param>
/// <param name="Currency">The ISO 4217 currency code, in capitals (EUR).</param>
[PublicContract]
public sealed record Money(decimal Amount, string Currency);
