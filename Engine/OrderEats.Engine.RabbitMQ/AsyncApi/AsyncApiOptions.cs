namespace OrderEats.Engine.RabbitMQ.AsyncApi;

/// <summary>What the generated AsyncAPI document describes: the contract's message types and the words around them.</summary>
public sealed class AsyncApiOptions
{
    /// <summary>The document's title (the system's name).</summary>
    public string Title { get; set; } = "Messages";

    /// <summary>The contract's version.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>An introduction (Markdown) placed before the engine's own sections on delivery, retries and the wire format.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>The broker URL shown as the server (host:port).</summary>
    public string Server { get; set; } = "localhost:5672";

    /// <summary>
    /// The message types to describe (commands, replies, events); nested records and enums they use are described with them. Each needs
    /// <c>[PublicContract]</c> or <c>[InternalContract]</c>, and a command its <c>[Destination]</c> and <c>[AnsweredWith]</c> or <c>[NotAnswered]</c>.
    /// </summary>
    public IList<Type> MessageTypes { get; } = [];

    /// <summary>The retry settings of the receiving endpoints, described as the retry schedule (default: the engine's defaults).</summary>
    public RecoverabilitySettings Recoverability { get; set; } = new();

    /// <summary>The error queue (default "error").</summary>
    public string ErrorQueue { get; set; } = "error";
}
