namespace OrderEats.Sagas;

/// <summary>Timeout state: the kitchen did not accept a paid order in time.</summary>
public sealed record KitchenTimeout;
