namespace OrderEats.Engine.Testing;

// How many records a context held before a handler ran, so a reused context's earlier records are not processed twice.
internal readonly record struct Marks(int Sent, int Published, int Timeouts)
{
    public static Marks Of(TestableMessageHandlerContext context) =>
        new(context.SentMessages.Count, context.PublishedMessages.Count, context.TimeoutMessages.Count);
}
