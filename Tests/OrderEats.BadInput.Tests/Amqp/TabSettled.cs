using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

/// <summary>A reply to a <see cref="TabSaga"/>: only an existing saga handles it.</summary>
public sealed record TabSettled(Guid TabId) : IMessage;
