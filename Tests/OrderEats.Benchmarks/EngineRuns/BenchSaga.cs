using System.Globalization;
using OrderEats.Benchmarks.Messages;
using OrderEats.Engine;

namespace OrderEats.Benchmarks.EngineRuns;

// Started by StartBench, changed by every TouchBench (so each one is a real UPDATE).
internal sealed class BenchSaga(Progress progress) : Saga<BenchSagaData>, IAmStartedByMessages<StartBench>, IHandleMessages<TouchBench>
{
    public Task Handle(StartBench message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Data.Note = "started";
        progress.Handled(context.MessageId);
        return Task.CompletedTask;
    }

    public Task Handle(TouchBench message, IMessageHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        Data.Touches++;
        Data.Note = message.Number.ToString(CultureInfo.InvariantCulture);
        progress.Handled(context.MessageId);
        return Task.CompletedTask;
    }

    protected override void ConfigureHowToFindSaga(SagaPropertyMapper<BenchSagaData> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        mapper.MapSaga(d => d.BenchId)
            .ToMessage<StartBench>(m => m.BenchId)
            .ToMessage<TouchBench>(m => m.BenchId);
    }
}
