using OrderEats.Engine;

namespace OrderEats.BadInput.Tests.Amqp;

/// <summary>Starts a <see cref="TabSaga"/>.</summary>
public sealed record OpenTab(Guid TabId) : ICommand;
