using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderEats.Engine.Versioning;

/// <summary>
/// Contract versions of one endpoint's messages. Every outgoing message carries its version in <see cref="VersionHeader"/> (1 unless set with
/// <see cref="Version{T}"/>); an incoming message older than the version this endpoint knows is upcast, one version at a time, before it is deserialized.
/// </summary>
public sealed class MessageVersioning
{
    /// <summary>The header that carries the contract version of the body (a positive integer; absent means 1).</summary>
    public const string VersionHeader = "OrderEats.ContractVersion";

    private readonly Dictionary<Type, int> versions = [];
    private readonly Dictionary<(Type Type, int From), Func<JsonObject, JsonObject>> upcasters = [];

    /// <summary>Declares that this endpoint sends and handles <typeparamref name="T"/> at contract version <paramref name="version"/>.</summary>
    public MessageVersioning Version<T>(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        versions[typeof(T)] = version;
        return this;
    }

    /// <summary>
    /// Registers how a <typeparamref name="T"/> body of version <paramref name="fromVersion"/> becomes version <paramref name="fromVersion"/> + 1
    /// (e.g. fill a new field, move a renamed one). Implies this endpoint knows at least version <paramref name="fromVersion"/> + 1.
    /// </summary>
    public MessageVersioning Upcast<T>(int fromVersion, Func<JsonObject, JsonObject> upcast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        ArgumentNullException.ThrowIfNull(upcast);
        upcasters[(typeof(T), fromVersion)] = upcast;
        versions[typeof(T)] = Math.Max(VersionOf(typeof(T)), fromVersion + 1);
        return this;
    }

    internal int VersionOf(Type type) => versions.GetValueOrDefault(type, 1);

    internal string Header(Type type) => VersionOf(type).ToString(CultureInfo.InvariantCulture);

    internal static int Read(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue(VersionHeader, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : 1;

    /// <summary>Applies the upcasters from <paramref name="from"/> to the current version; null when there is nothing to do.</summary>
    internal byte[]? Upgrade(Type type, int from, ReadOnlyMemory<byte> body)
    {
        var current = VersionOf(type);
        if (from >= current || !upcasters.Keys.Any(k => k.Type == type && k.From >= from))
        {
            return null;
        }

        var json = JsonNode.Parse(body.Span) as JsonObject
            ?? throw new JsonException($"The body of a version {from} {type.FullName} is not a JSON object, so it cannot be upcast.");
        for (var version = from; version < current; version++)
        {
            if (upcasters.TryGetValue((type, version), out var upcast))
            {
                json = upcast(json);
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(json);
    }
}
