namespace OrderEats.Sagas;

/// <summary>Timeout state: the charge of an order did not complete in time.</summary>
public sealed record PaymentTimeout;
