using System.Text;
using System.Threading.Channels;
using OrderEats.Engine.Contracts;
using OrderEats.Engine.Transport;

namespace OrderEats.Engine.Tests.Acceptance;

/// <summary>
/// Deterministic failures skip the retries: a body that breaks its contract, a message no handler on the endpoint takes, and a saga message without
/// its correlation value reach the error queue on the first attempt, with the member or the fix named. The endpoint's delayed retries are an
/// hour apart here, so a message that went through them could not arrive within the test's timeout.
/// </summary>
[TestFixture]
public class When_a_message_breaks_its_contract
{
    private const string Queue = "acc-contract";
    private EndpointHarness harness = null!;
    private ChannelReader<IncomingMessage> errors = null!;
    // Owned by the harness, which disposes it.
#pragma warning disable NUnit1032
    private ITransport raw = null!;
#pragma warning restore NUnit1032

    [SetUp]
    public async Task Start()
    {
        harness = new EndpointHarness();
        errors = await harness.Watch("error");
        await harness.Start(Queue, c =>
        {
            c.AddHandler<ShipHandler>().AddHandler<TallySaga>();
            c.AddMessageTypesFromAssembly(typeof(When_a_message_breaks_its_contract).Assembly);
            c.Recoverability.DelayedRetryBase = TimeSpan.FromHours(1);
        });
        raw = harness.RawTransport();
    }

    [TearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Should_name_a_missing_required_member_on_the_first_attempt()
    {
        var failed = await Fail<Ship>("{\"parcelId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"items\":[]}");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(Engine.Recoverability.MessageDeserializationException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("'address'"));
            Assert.That(harness.Signals.Count("ship"), Is.Zero, "no handler ran");
        });
    }

    [Test]
    public async Task Should_name_a_null_where_the_contract_says_non_null()
    {
        var failed = await Fail<Ship>("{\"parcelId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"address\":null,\"items\":[]}");
        Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("$.address"));
        Assert.That(harness.Signals.Count("ship"), Is.Zero);
    }

    [Test]
    public async Task Should_name_every_value_out_of_range_with_its_path()
    {
        var failed = await Fail<Ship>(
            "{\"parcelId\":\"00000000-0000-0000-0000-000000000000\",\"address\":\"Main St 1\",\"items\":[{\"sku\":\"a\",\"count\":0},{\"sku\":\"b\",\"count\":3,\"size\":7}]}");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(MessageContractException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("parcelId").And.Contain("items[0].count").And.Contain("items[1].size"));
            Assert.That(failed.Headers[Headers.ExceptionDataPrefix + "Members"], Is.EqualTo("parcelId, items[0].count, items[1].size"));
            Assert.That(harness.Signals.Count("ship"), Is.Zero);
        });
    }

    [Test]
    public async Task Should_take_a_body_that_satisfies_the_contract()
    {
        await raw.Dispatch([TransportOperation.Send(Raw<Ship>(Guid.NewGuid().ToString(), "{\"parcelId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"address\":\"Main St 1\",\"items\":[{\"sku\":\"a\",\"count\":2,\"size\":1}]}"), Queue)]);
        await harness.Signals.WaitFor("ship-done");
        Assert.That(harness.Signals.Count("ship"), Is.EqualTo(1));
    }

    [Test]
    public async Task Should_move_a_message_no_handler_takes_on_the_first_attempt()
    {
        var failed = await Fail<Unhandled>("{\"note\":\"nobody handles me here\"}");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(Engine.Recoverability.NoHandlerException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain(Queue).And.Contain("has no handler for").And.Contain("fix the routing"));
        });
    }

    [Test]
    public async Task Should_move_a_saga_message_without_its_correlation_value_on_the_first_attempt()
    {
        var failed = await Fail<Count>("{\"tallyId\":\"\"}");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Headers[Headers.ExceptionType], Is.EqualTo(typeof(MessageContractException).FullName));
            Assert.That(failed.Headers[Headers.ExceptionMessage], Does.Contain("Count").And.Contain("TallyId"));
        });
    }

    private static OutgoingMessage Raw<T>(string id, string body) => new(
        id,
        new Dictionary<string, string> { [Headers.MessageId] = id, [Headers.EnclosedMessageTypes] = typeof(T).FullName!.Replace('+', '.') },
        Encoding.UTF8.GetBytes(body));

    private async Task<IncomingMessage> Fail<T>(string body)
    {
        var id = Guid.NewGuid().ToString();
        await raw.Dispatch([TransportOperation.Send(Raw<T>(id, body), Queue)]);
        var failed = await errors.ReadAsync().AsTask().WaitAsync(Signals.Timeout);
        Assert.Multiple(() =>
        {
            Assert.That(failed.MessageId, Is.EqualTo(id));
            Assert.That(failed.Headers, Does.Not.ContainKey(Headers.DelayedRetries), "no delayed retry was spent");
        });
        return failed;
    }

    public enum Size
    {
        Small,
        Large,
    }

    public sealed record Item(string Sku, [property: System.ComponentModel.DataAnnotations.Range(1, 100)] int Count, Size? Size = null);

    public sealed record Ship([NotEmpty] Guid ParcelId, string Address, IReadOnlyList<Item> Items) : ICommand;

    public sealed record Unhandled(string Note) : ICommand;

    public sealed record Count(string TallyId) : ICommand;

    public sealed class ShipHandler(Signals signals) : IHandleMessages<Ship>
    {
        public Task Handle(Ship message, IMessageHandlerContext context)
        {
            signals.Increment("ship");
            signals.Set("ship-done");
            return Task.CompletedTask;
        }
    }

    public sealed class TallyData : ContainSagaData
    {
        public string TallyId { get; set; } = string.Empty;
    }

    public sealed class TallySaga : Saga<TallyData>, IAmStartedByMessages<Count>
    {
        public Task Handle(Count message, IMessageHandlerContext context) => Task.CompletedTask;

        protected override void ConfigureHowToFindSaga(SagaPropertyMapper<TallyData> mapper) => mapper.MapSaga(d => d.TallyId).ToMessage<Count>(m => m.TallyId);
    }
}
