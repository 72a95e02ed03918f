using System.Globalization;
using OrderEats.Engine;

namespace OrderEats.Sagas.Tests.Testing.Sagas;

// Exercises TestableSaga itself: timeouts requested in any order, chained, cancelled and restarted; a reply round trip; completion.
public sealed class TimerSaga(TimeProvider clock) : Saga<TimerSagaData>,
    IAmStartedByMessages<StartTimers>,
    IHandleMessages<RestartTimers>,
    IHandleMessages<StopTimers>,
    IHandleMessages<Pong>,
    IHandleTimeouts<Tick>
{
    public async Task Handle(StartTimers message, IMessageHandlerContext context)
    {
        foreach (var minutes in message.DelaysInMinutes)
        {
            await RequestTimeout(context, TimeSpan.FromMinutes(minutes), new Tick(minutes, message.ChainAfterMinutes));
        }

        await context.Send(new Ping(message.TimerId));
    }

    public Task Handle(RestartTimers message, IMessageHandlerContext context)
    {
        CancelTimeouts<Tick>();
        return RequestTimeout(context, TimeSpan.FromMinutes(message.DelayInMinutes), new Tick(message.DelayInMinutes, ChainAfterMinutes: 0));
    }

    public Task Handle(StopTimers message, IMessageHandlerContext context)
    {
        CancelTimeouts<Tick>();
        if (message.Complete)
        {
            MarkAsComplete();
        }

        return Task.CompletedTask;
    }

    public Task Handle(Pong message, IMessageHandlerContext context)
    {
        Data.Pongs = [.. Data.Pongs, message.Text];
        return Task.CompletedTask;
    }

    public Task Timeout(Tick state, IMessageHandlerContext context)
    {
        Data.Fired = [.. Data.Fired, string.Create(CultureInfo.InvariantCulture, $"{state.Minutes}@{clock.GetUtcNow():HH:mm}")];
        return state.ChainAfterMinutes > 0
            ? RequestTimeout(context, TimeSpan.FromMinutes(state.ChainAfterMinutes), new Tick(state.Minutes + state.ChainAfterMinutes, ChainAfterMinutes: 0))
            : Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TimerSagaData> mapper) =>
        mapper.MapSaga(d => d.TimerId)
            .ToMessage<StartTimers>(m => m.TimerId)
            .ToMessage<RestartTimers>(m => m.TimerId)
            .ToMessage<StopTimers>(m => m.TimerId)
            .ToMessage<Pong>(m => m.TimerId);
}
