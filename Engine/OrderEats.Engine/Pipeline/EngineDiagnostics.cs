using System.Diagnostics;

namespace OrderEats.Engine.Pipeline;

/// <summary>The engine's activity source; spans follow the W3C trace context carried in message headers.</summary>
internal static class EngineDiagnostics
{
    public const string SourceName = "OrderEats.Engine";

    public static readonly ActivitySource ActivitySource = new(SourceName);
}
