namespace OrderEats.Kitchen;

/// <summary>Who answers the kitchen's tickets.</summary>
public enum KitchenMode
{
    /// <summary>The simulated kitchen: accepts (or rejects) after <see cref="KitchenOptions.AcceptDelay"/>, ready after <see cref="KitchenOptions.PrepareTime"/>.</summary>
    Auto,

    /// <summary>A person, through the HTTP API under /kitchen/tickets.</summary>
    Manual,
}
