using System.Net.Sockets;
using RabbitMQ.Client.Exceptions;

namespace OrderEats.Engine.RabbitMQ;

/// <summary>Tells a lost connection (retry once recovered) from a broker refusal (report it).</summary>
internal static class BrokerFailure
{
    // AMQP reply codes that mean "this request is wrong", not "the connection went away".
    private static readonly HashSet<ushort> Refusals = [403, 404, 405, 406, 530, 540];

    public static bool IsConnectionLoss(Exception exception) => exception switch
    {
        PublishException => false,
        OperationInterruptedException interrupted => interrupted.ShutdownReason is not { } reason || !Refusals.Contains(reason.ReplyCode),
        BrokerUnreachableException or ConnectFailureException or IOException or SocketException => true,
        _ => false,
    };

    /// <summary>True for a reply code with which the broker closes a channel for a wrong request (automatic recovery does not reopen such a channel).</summary>
    public static bool IsRefusal(ushort replyCode) => Refusals.Contains(replyCode);

    public static ushort? ReplyCode(Exception exception) =>
        exception is OperationInterruptedException { ShutdownReason: { } reason } ? reason.ReplyCode : null;
}
