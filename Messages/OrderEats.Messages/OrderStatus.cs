using System.Text.Json.Serialization;
using OrderEats.Engine.Contracts;

namespace OrderEats.Messages;

/// <summary>
/// Where an order is in its life: Submitted → Paid → Accepted → Ready → Completed; Cancelled from any status before Ready; Rejected when the
/// request was invalid and the order never started. Completed, Cancelled and Rejected are final. Sent by name on the wire.
/// </summary>
[PublicContract]
[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    /// <summary>Validated, priced from the menu and stored; the payment is being charged.</summary>
    Submitted,

    /// <summary>Charged; the kitchen has been asked to prepare it.</summary>
    Paid,

    /// <summary>The kitchen accepted it; it can no longer be cancelled.</summary>
    Accepted,

    /// <summary>The kitchen prepared it.</summary>
    Ready,

    /// <summary>Done: charged once, never refunded.</summary>
    [Terminal]
    Completed,

    /// <summary>Cancelled (declined payment, kitchen rejection or timeout, the customer's request); any charge was refunded.</summary>
    [Terminal]
    Cancelled,

    /// <summary>The request was invalid (see the reasons per field); nothing was charged, prepared or notified.</summary>
    [Terminal]
    Rejected,
}
