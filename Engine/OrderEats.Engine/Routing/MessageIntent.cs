namespace OrderEats.Engine.Routing;

/// <summary>Why a message was sent; written to the MessageIntent header.</summary>
internal enum MessageIntent
{
    Send,
    Publish,
    Reply,
}
