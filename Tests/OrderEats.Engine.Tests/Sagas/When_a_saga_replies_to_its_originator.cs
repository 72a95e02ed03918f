using OrderEats.Engine.AcceptanceTesting;

namespace OrderEats.Engine.Tests.Sagas;

[TestFixture]
public class When_a_saga_replies_to_its_originator
{
    [Test]
    public async Task Should_send_a_reply_correlated_to_the_starting_message_to_the_endpoint_that_started_it()
    {
        var context = await Scenario.Define<Context>()
            .WithEndpoint<Requester>(b => b.When(session => session.Send(new StartWork(Guid.NewGuid()), new SendOptions { MessageId = "start-work-1" })))
            .WithEndpoint<Worker>()
            .Done(c => c.ReplyHeaders is not null)
            .Run();

        var headers = context.ReplyHeaders!;
        Assert.Multiple(() =>
        {
            Assert.That(headers[Headers.MessageIntent], Is.EqualTo("Reply"));
            Assert.That(headers[Headers.CorrelationId], Is.EqualTo("start-work-1"));
            Assert.That(headers, Does.Not.ContainKey(Headers.SagaId), "a reply to the originator is not addressed to the saga that sent the message being handled");
        });
    }

    public sealed class Context : ScenarioContext
    {
        public IReadOnlyDictionary<string, string>? ReplyHeaders { get; set; }
    }

    public sealed record StartWork(Guid WorkId) : ICommand;

    public sealed record Continue(Guid WorkId) : ICommand;

    public sealed record WorkDone(Guid WorkId) : IMessage;

    public sealed class Requester : EndpointConfigurationBuilder
    {
        public Requester() => EndpointSetup(c => c.Routing.RouteToEndpoint(typeof(StartWork), typeof(Worker)));

        public sealed class WorkDoneHandler(Context scenario) : IHandleMessages<WorkDone>
        {
            public Task Handle(WorkDone message, IMessageHandlerContext context)
            {
                scenario.ReplyHeaders = context.MessageHeaders;
                return Task.CompletedTask;
            }
        }
    }

    public sealed class Worker : EndpointConfigurationBuilder
    {
        public Worker() => EndpointSetup();

        public sealed class WorkData : ContainSagaData
        {
            public Guid WorkId { get; set; }
        }

        // The reply goes out while the saga handles a message it sent itself, so the message being handled comes from a saga too.
        public sealed class WorkSaga : Saga<WorkData>, IAmStartedByMessages<StartWork>, IHandleMessages<Continue>
        {
            public Task Handle(StartWork message, IMessageHandlerContext context) => context.SendLocal(new Continue(message.WorkId));

            public async Task Handle(Continue message, IMessageHandlerContext context)
            {
                await ReplyToOriginator(context, new WorkDone(Data.WorkId));
                MarkAsComplete();
            }

            protected override void ConfigureHowToFindSaga(SagaPropertyMapper<WorkData> mapper) =>
                mapper.MapSaga(d => d.WorkId).ToMessage<StartWork>(m => m.WorkId).ToMessage<Continue>(m => m.WorkId);
        }
    }
}
