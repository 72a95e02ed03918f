using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Drives itself with SendLocal (optionally delayed) and answers its originator when done.
public sealed class CountdownSaga : Saga<CountdownSagaData>, IAmStartedByMessages<StartCountdown>, IHandleMessages<CountDown>
{
    public Task Handle(StartCountdown message, IMessageHandlerContext context) => Next(context, message.From, message.StepDelay);

    public async Task Handle(CountDown message, IMessageHandlerContext context)
    {
        Data.Counted = [.. Data.Counted, message.Value];
        if (message.Value > 1)
        {
            await Next(context, message.Value - 1, message.StepDelay);
            return;
        }

        await ReplyToOriginator(context, new CountdownFinished(Data.CountdownId, Data.Counted.Count));
        MarkAsComplete();
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<CountdownSagaData> mapper) =>
        mapper.MapSaga(d => d.CountdownId).ToMessage<StartCountdown>(m => m.CountdownId).ToMessage<CountDown>(m => m.CountdownId);

    private Task Next(IMessageHandlerContext context, int value, TimeSpan? delay) =>
        context.SendLocal(new CountDown(Data.CountdownId, value, delay), new SendOptions { DeliveryDelay = delay });
}
