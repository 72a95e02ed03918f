namespace OrderEats.Engine.Testing;

/// <summary>A saga timeout a handler requested: a local send carrying the <see cref="Headers.IsSagaTimeout"/> header.</summary>
/// <param name="Message">The timeout state.</param>
/// <param name="Options">The options it was sent with (headers include the saga id and the timeout id).</param>
/// <param name="DeliverAt">When the timeout is due, as the handler computed it (wall clock).</param>
/// <param name="Within">
/// The delay the handler asked for. <c>RequestTimeout</c> turns a delay into <paramref name="DeliverAt"/> with the wall clock, so the delay is
/// recovered as the roundest value consistent with the wall clock while the handler ran: exact for whole milliseconds.
/// </param>
public sealed record TimeoutMessage(object Message, SendOptions Options, DateTimeOffset DeliverAt, TimeSpan Within)
{
    /// <summary>The timeout's id (the <see cref="Headers.TimeoutId"/> header), or <see cref="Guid.Empty"/> when it has none.</summary>
    public Guid TimeoutId => Options.Headers.TryGetValue(Headers.TimeoutId, out var id) && Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty;
}
