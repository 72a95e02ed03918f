using System.Globalization;

namespace OrderEats.Engine.Telemetry;

/// <summary>
/// Critical time: from when a message became due until it was processed. A delayed message (a saga timeout, a delayed retry, a deferred send)
/// becomes due at its DeliverAt, not when it was sent: the delay was asked for and is not waiting time.
/// </summary>
public static class CriticalTime
{
    /// <summary>Now minus the later of TimeSent and DeliverAt, never negative; null when the message carries neither.</summary>
    public static TimeSpan? Of(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var sent = Parse(headers.GetValueOrDefault(Headers.TimeSent));
        var due = Parse(headers.GetValueOrDefault(Headers.DeliverAt));
        var start = sent is null ? due : due is null ? sent : sent > due ? sent : due;
        return start is { } value ? (now - value > TimeSpan.Zero ? now - value : TimeSpan.Zero) : null;
    }

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;
}
