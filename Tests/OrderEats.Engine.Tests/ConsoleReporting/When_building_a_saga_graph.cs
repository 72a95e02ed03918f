using OrderEats.Engine.ConsoleReporting;

namespace OrderEats.Engine.Tests.ConsoleReporting;

[TestFixture]
public class When_building_a_saga_graph
{
    [Test]
    public void Should_take_states_and_transitions_from_the_saga_declaration()
    {
        var graph = SagaGraphBuilder.Build(typeof(TabSaga), typeof(TabData));

        Assert.Multiple(() =>
        {
            Assert.That(graph.States, Is.EqualTo(new List<string> { SagaTransitionAttribute.Start, "Open", "Closed", "Expired" }));
            Assert.That(graph.FinalStates, Is.EqualTo(new List<string> { "Closed", "Expired" }));
            Assert.That(graph.StateProperty, Is.EqualTo(nameof(TabData.State)));
            Assert.That(graph.StateNames, Is.EquivalentTo(new Dictionary<string, string> { ["0"] = "Open", ["1"] = "Closed", ["2"] = "Expired" }));
            Assert.That(graph.Transitions.Select(t => $"{t.From}-{t.Message.Split('.')[^1]}-{t.To}-{t.IsTimeout}"), Is.EqualTo(new List<string>
            {
                "(start)-OpenTab-Open-False", "Open-AddItem-Open-False", "Open-CloseTab-Closed-False", "Open-TabExpired-Expired-True",
            }));
            Assert.That(graph.StartedBy.Single(), Does.EndWith(nameof(OpenTab)));
            Assert.That(graph.Handles.Select(m => m.Split('.')[^1]), Is.EquivalentTo(new List<string> { nameof(AddItem), nameof(CloseTab) }));
            Assert.That(graph.Timeouts.Single(), Does.EndWith(nameof(TabExpired)));
        });
    }

    [Test]
    public void Should_derive_a_generic_graph_from_the_handled_messages_when_nothing_is_declared()
    {
        var graph = SagaGraphBuilder.Build(typeof(Undeclared), typeof(TabData));

        Assert.Multiple(() =>
        {
            Assert.That(graph.States, Is.EqualTo(new List<string> { SagaTransitionAttribute.Start, "Running", "Completed" }));
            Assert.That(graph.StateProperty, Is.Null);
            Assert.That(graph.Transitions.Select(t => $"{t.From}-{t.Message.Split('.')[^1]}-{t.To}"), Is.EqualTo(new List<string>
            {
                "(start)-OpenTab-Running", "Running-AddItem-Running", "Running-TabExpired-Running", "Running-MarkAsComplete-Completed",
            }));
        });
    }

    [Test]
    public void Should_refuse_a_transition_on_a_message_the_saga_does_not_handle()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaGraphBuilder.Build(typeof(Stale), typeof(TabData)));
        Assert.That(error!.Message, Does.Contain("does not handle CloseTab").And.Contain("remove the [SagaTransition]"));
    }

    [Test]
    public void Should_refuse_a_state_property_the_data_does_not_have()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SagaGraphBuilder.Build(typeof(WrongProperty), typeof(TabData)));
        Assert.That(error!.Message, Does.Contain("no such property"));
    }

    public sealed class Undeclared : Saga<TabData>, IAmStartedByMessages<OpenTab>, IHandleMessages<AddItem>, IHandleTimeouts<TabExpired>
    {
        public Task Handle(OpenTab message, IMessageHandlerContext context) => Task.CompletedTask;

        public Task Handle(AddItem message, IMessageHandlerContext context) => Task.CompletedTask;

        public Task Timeout(TabExpired state, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TabData> mapper) =>
            mapper.MapSaga(d => d.TabId).ToMessage<OpenTab>(m => m.TabId).ToMessage<AddItem>(m => m.TabId);
    }

    [SagaTransition(SagaTransitionAttribute.Start, typeof(OpenTab), "Open")]
    [SagaTransition("Open", typeof(CloseTab), "Closed")]
    public sealed class Stale : Saga<TabData>, IAmStartedByMessages<OpenTab>
    {
        public Task Handle(OpenTab message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TabData> mapper) => mapper.MapSaga(d => d.TabId).ToMessage<OpenTab>(m => m.TabId);
    }

    [SagaStates("Phase")]
    [SagaTransition(SagaTransitionAttribute.Start, typeof(OpenTab), "Open")]
    public sealed class WrongProperty : Saga<TabData>, IAmStartedByMessages<OpenTab>
    {
        public Task Handle(OpenTab message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TabData> mapper) => mapper.MapSaga(d => d.TabId).ToMessage<OpenTab>(m => m.TabId);
    }
}
