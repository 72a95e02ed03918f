using System.Reflection;
using OrderEats.Engine.Contracts;

namespace OrderEats.Engine.RabbitMQ.AsyncApi;

// One message type as the contract declares it: its wire name, audience, kind, destination and answers; checked so the document never guesses.
internal sealed record ContractType(Type Type, bool IsPublic, string? Destination, IReadOnlyList<Type> Replies, string? NotAnswered)
{
    public string Name => Type.Name;

    public string ContractName => (Type.FullName ?? Type.Name).Replace('+', '.');

    public bool IsEvent => typeof(IEvent).IsAssignableFrom(Type);

    public bool IsCommand => typeof(ICommand).IsAssignableFrom(Type);

    public static ContractType Read(Type type)
    {
        var isPublic = type.GetCustomAttribute<PublicContractAttribute>() is not null;
        var isInternal = type.GetCustomAttribute<InternalContractAttribute>() is not null;
        if (isPublic == isInternal)
        {
            throw new InvalidOperationException($"Message {type.FullName} must be marked either [PublicContract] or [InternalContract], so the document says whether outside senders may use it.");
        }

        var destination = type.GetCustomAttribute<DestinationAttribute>()?.Queue;
        var replies = type.GetCustomAttribute<AnsweredWithAttribute>()?.Replies ?? [];
        var notAnswered = type.GetCustomAttribute<NotAnsweredAttribute>()?.Outcome;
        if (typeof(ICommand).IsAssignableFrom(type) && (destination is null || (replies.Count == 0) == (notAnswered is null)))
        {
            throw new InvalidOperationException(
                $"Command {type.FullName} needs [Destination(\"queue\")] and exactly one of [AnsweredWith(...)] or [NotAnswered(\"...\")], so the document says where to send it and what comes back.");
        }

        return new ContractType(type, isPublic, destination, replies, notAnswered);
    }
}
