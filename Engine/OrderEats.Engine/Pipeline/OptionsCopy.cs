namespace OrderEats.Engine.Pipeline;

/// <summary>Copies caller options before the engine adds headers, so a caller's options object is never changed.</summary>
internal static class OptionsCopy
{
    public static T With<T>(T? options, IEnumerable<KeyValuePair<string, string>> extraHeaders, string? destination = null)
        where T : ExtendableOptions, new()
    {
        var copy = new T { MessageId = options?.MessageId };
        if (options is not null)
        {
            foreach (var (key, value) in options.Headers)
            {
                copy.Headers[key] = value;
            }
        }

        foreach (var (key, value) in extraHeaders)
        {
            copy.Headers.TryAdd(key, value);
        }

        if (copy is SendOptions send)
        {
            var original = options as SendOptions;
            send.Destination = destination ?? original?.Destination;
            send.DeliverAt = original?.DeliverAt;
            send.DeliveryDelay = original?.DeliveryDelay;
        }

        if (copy is ReplyOptions reply)
        {
            reply.Destination = (options as ReplyOptions)?.Destination;
        }

        return copy;
    }
}
