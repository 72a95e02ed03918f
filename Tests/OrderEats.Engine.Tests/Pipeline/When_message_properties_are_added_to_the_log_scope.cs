using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OrderEats.Engine.Pipeline;
using OrderEats.Engine.Tests.Acceptance;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Pipeline;

[TestFixture]
public class When_message_properties_are_added_to_the_log_scope
{
    [Test]
    public async Task Should_put_each_configured_property_in_the_scope_and_on_the_span()
    {
        var logger = new ScopeRecorder();
        var step = new PropertyLogScopeStep(["CustomerId", "Basket"], logger);
        var customer = Guid.NewGuid();
        using var span = new Activity("test").Start();
        IReadOnlyList<KeyValuePair<string, object?>>? inside = null;

        await step.Invoke(Context(new Purchase(customer, null)), () =>
        {
            inside = logger.Current;
            return Task.CompletedTask;
        });

        Assert.Multiple(() =>
        {
            Assert.That(inside, Is.EqualTo(new[] { new KeyValuePair<string, object?>("CustomerId", customer) }), "a null value adds no entry");
            Assert.That(span.GetTagItem("ordereats.customer_id"), Is.EqualTo(customer));
            Assert.That(logger.Current, Is.Null, "the scope closes with the message");
        });
    }

    [Test]
    public async Task Should_open_no_scope_for_a_message_without_the_property()
    {
        var logger = new ScopeRecorder();
        var step = new PropertyLogScopeStep(["CustomerId"], logger);
        var called = false;

        await step.Invoke(Context(new Unrelated("x")), () =>
        {
            called = true;
            Assert.That(logger.Current, Is.Null);
            return Task.CompletedTask;
        });

        Assert.That(called, Is.True);
    }

    private static IncomingContext Context(object body) =>
        new(new IncomingMessage("m-1", [], "{}"u8.ToArray()), EmptyServices.Instance, CancellationToken.None) { Body = body };

    public sealed record Purchase(Guid CustomerId, string? Basket);

    public sealed record Unrelated(string Name);

    private sealed class ScopeRecorder : ILogger
    {
        public IReadOnlyList<KeyValuePair<string, object?>>? Current { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Current = [.. (IEnumerable<KeyValuePair<string, object?>>)state];
            return new Closing(this);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        private sealed class Closing(ScopeRecorder owner) : IDisposable
        {
            public void Dispose() => owner.Current = null;
        }
    }
}
