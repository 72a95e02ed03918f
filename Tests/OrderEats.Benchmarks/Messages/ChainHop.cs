using OrderEats.Engine;

namespace OrderEats.Benchmarks.Messages;

/// <summary>One hop of a benchmark chain: the handler sends hop + 1 until the chain's last hop.</summary>
public sealed record ChainHop(int Chain, int Hop, long StartedTicks) : ICommand;
