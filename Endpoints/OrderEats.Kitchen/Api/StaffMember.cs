namespace OrderEats.Kitchen.Api;

/// <summary>A caller of the kitchen API: the staff key's name and the restaurant it acts for.</summary>
internal sealed record StaffMember(string Name, Guid RestaurantId);
