using System.Text.Json.Serialization;

namespace OrderEats.Messages;

/// <summary>Where an order is in its life: Submitted → Paid → Accepted → Ready → Completed, or Cancelled before Ready. Sent by name on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Placed; the payment is being charged.</summary>
    Submitted,

    /// <summary>Charged; the kitchen has been asked to prepare it.</summary>
    Paid,

    /// <summary>The kitchen accepted it.</summary>
    Accepted,

    /// <summary>The kitchen prepared it.</summary>
    Ready,

    /// <summary>Done: charged once, never refunded.</summary>
    Completed,

    /// <summary>Cancelled; any charge was refunded.</summary>
    Cancelled,
}
