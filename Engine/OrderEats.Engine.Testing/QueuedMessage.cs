namespace OrderEats.Engine.Testing;

internal sealed record QueuedMessage(object Message, IReadOnlyDictionary<string, string> Headers);
