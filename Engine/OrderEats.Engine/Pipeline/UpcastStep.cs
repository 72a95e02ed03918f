using System.Globalization;
using System.Text.Json;
using OrderEats.Engine.Recoverability;
using OrderEats.Engine.Serialization;
using OrderEats.Engine.Versioning;

namespace OrderEats.Engine.Pipeline;

/// <summary>Brings a body written at an older contract version up to the version this endpoint knows, before it is deserialized.</summary>
internal sealed class UpcastStep(MessageVersioning versioning, MessageTypeRegistry registry) : IIncomingStep
{
    public Task Invoke(IncomingContext context, Func<Task> next)
    {
        if (registry.Resolve(context.Headers.GetValueOrDefault(Headers.EnclosedMessageTypes)) is { } type)
        {
            var from = MessageVersioning.Read(context.Headers);
            byte[]? upgraded;
            try
            {
                upgraded = versioning.Upgrade(type, from, context.Message.Body);
            }
            catch (JsonException ex)
            {
                throw new MessageDeserializationException($"Message {context.MessageId} ({type.FullName} version {from}) could not be upcast: {ex.Message}", ex);
            }

            if (upgraded is not null)
            {
                var headers = new Dictionary<string, string>(context.Message.Headers, StringComparer.Ordinal)
                {
                    [MessageVersioning.VersionHeader] = versioning.VersionOf(type).ToString(CultureInfo.InvariantCulture),
                };
                context.Message = context.Message with { Headers = headers, Body = upgraded };
            }
        }

        return next();
    }
}
