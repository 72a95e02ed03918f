using System.ComponentModel.DataAnnotations;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages;

/// <summary>One line of an order as Orders priced it from the restaurant's menu.</summary>
/// <param name="MenuItemId">The menu item.</param>
/// <param name="Name">The item's name on the menu when the order was placed.</param>
/// <param name="Quantity">How many, 1 to 100.</param>
/// <param name="UnitPrice">The menu price of one when the order was placed.</param>
[PublicContract]
public sealed record OrderLine([NotEmpty] Guid MenuItemId, string Name, [Range(1, 100)] int Quantity, Money UnitPrice);
