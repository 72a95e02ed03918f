using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_grouping_failures
{
    [Test]
    public void Should_name_a_cause_by_the_first_frame_in_user_code_without_file_and_line()
    {
        const string trace = """
            System.Text.Json.JsonException: 'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.
               at System.Text.Json.ThrowHelper.ReThrowWithPath(ReadStack& state, JsonReaderException ex)
               at System.Text.Json.JsonSerializer.Deserialize(ReadOnlySpan`1 utf8Json, JsonTypeInfo jsonTypeInfo)
               at OrderEats.Engine.Pipeline.DeserializeStep.Invoke(IncomingContext context, Func`1 next) in /src/DeserializeStep.cs:line 20
               at Shop.Payments.Charge(Order order) in /src/Payments.cs:line 42
               at Shop.Handler.Handle(ChargePayment message) in /src/Handler.cs:line 10
            """;

        Assert.Multiple(() =>
        {
            Assert.That(GroupKeys.UserFrame(trace), Is.EqualTo("Shop.Payments.Charge"));
            Assert.That(GroupKeys.UserFrame("   at System.Text.Json.ThrowHelper.Throw()\n   at OrderEats.Engine.Pipeline.MessageLimits.Check(Int32 size)"),
                Is.EqualTo("OrderEats.Engine.Pipeline.MessageLimits.Check"), "no user frame: the engine's");
            Assert.That(GroupKeys.ExceptionTitle("System.Text.Json.JsonException", "'x' is an invalid start of a value. LineNumber: 0", trace),
                Is.EqualTo("JsonException: '…' is an invalid start of a value. LineNumber: {n} · at Shop.Payments.Charge"));
            Assert.That(GroupKeys.UserFrame("   at System.A.B()\n   at System.C.D()"), Is.EqualTo("System.A.B"), "only runtime frames: the first one");
            Assert.That(GroupKeys.ExceptionTitle("System.TimeoutException", "The operation timed out.", string.Empty), Is.EqualTo("TimeoutException: The operation timed out."));
            Assert.That(GroupKeys.Id(GroupingKind.Endpoint, "payments"), Is.Not.EqualTo(GroupKeys.Id(GroupingKind.MessageType, "payments")));
        });
    }

    [Test]
    public void Should_blank_ids_numbers_and_quoted_values_in_the_message_shape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GroupKeys.MessageShape("Order 5f0c6e52-8a7e-4c1e-9a43-1f1d2b3c4d5e was charged 12.50 EUR twice"), Is.EqualTo("Order {id} was charged {n} EUR twice"));
            Assert.That(GroupKeys.MessageShape("Work 'first' failed on purpose"), Is.EqualTo(GroupKeys.MessageShape("Work 'second' failed on purpose")));
            Assert.That(GroupKeys.MessageShape("Message body of 5242880 bytes exceeds the limit of 1048576 bytes"),
                Is.Not.EqualTo(GroupKeys.MessageShape("Message has 80 headers; the limit is 64")), "two causes thrown by one guard stay two groups");
        });
    }

    [Test]
    public async Task Should_keep_different_messages_from_one_guard_in_different_groups()
    {
        await using var harness = await ConsoleHarness.Start();
        await harness.InjectFailure("guard-1", exceptionMessage: "Message body of 5242880 bytes exceeds the limit of 1048576 bytes");
        await harness.InjectFailure("guard-2", exceptionMessage: "Message body of 2097152 bytes exceeds the limit of 1048576 bytes");
        await harness.InjectFailure("guard-3", exceptionMessage: "Message has 80 headers; the limit is 64");
        using var client = await harness.Login("reader");

        var byCause = await client.Get<List<FailureGroup>>("/api/groups");

        Assert.Multiple(() =>
        {
            Assert.That(byCause.Select(g => g.Total).Order(), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(byCause.Select(g => g.Title), Has.Some.EqualTo("InvalidOperationException: Message body of {n} bytes exceeds the limit of {n} bytes · at OrderEats.Console.Tests.Failures.ThrowHere"));
        });
    }

    [Test]
    public async Task Should_group_by_cause_endpoint_and_message_type_with_counts_and_times()
    {
        await using var harness = await ConsoleHarness.Start();
        var early = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var late = early.AddHours(3);

        var a = await harness.InjectFailure("g-1", endpoint: "cons-pay", type: "Shop.Charge", exceptionMessage: "declined 1", at: late);
        await harness.InjectFailure("g-2", endpoint: "cons-kitchen", type: "Shop.Charge", exceptionMessage: "declined 2", at: early);
        await harness.InjectFailure("g-3", endpoint: "cons-pay", type: "Shop.Refund", exception: Failures.ThrownElsewhere("other place"), at: early.AddHours(1));
        using var client = await harness.Login("reader");
        var byCause = await client.Get<List<FailureGroup>>("/api/groups");
        var byEndpoint = await client.Get<List<FailureGroup>>("/api/groups?by=endpoint");
        var byType = await client.Get<List<FailureGroup>>("/api/groups?by=type");
        var detail = await client.Failure(a.FailureId!);

        var sameCause = byCause.Single(g => g.Id == detail.Summary.ExceptionGroupId);
        Assert.Multiple(() =>
        {
            Assert.That(byCause, Has.Count.EqualTo(2), "same exception thrown from two places: two causes");
            Assert.That(sameCause.Title, Is.EqualTo("InvalidOperationException: declined {n} · at OrderEats.Console.Tests.Failures.ThrowHere"));
            Assert.That(sameCause.Total, Is.EqualTo(2));
            Assert.That(sameCause.Unresolved, Is.EqualTo(2));
            Assert.That(sameCause.FirstSeen, Is.EqualTo(early));
            Assert.That(sameCause.LastSeen, Is.EqualTo(late));
            Assert.That(byEndpoint.ToDictionary(g => g.Title, g => g.Total), Is.EquivalentTo(new Dictionary<string, int> { ["cons-pay"] = 2, ["cons-kitchen"] = 1 }));
            Assert.That(byType.ToDictionary(g => g.Title, g => g.Total), Is.EquivalentTo(new Dictionary<string, int> { ["Shop.Charge"] = 2, ["Shop.Refund"] = 1 }));
        });
    }

    [Test]
    public async Task Should_list_a_groups_failures_and_reject_an_unknown_grouping()
    {
        await using var harness = await ConsoleHarness.Start();
        var a = await harness.InjectFailure("gd-1", endpoint: "cons-pay");
        await harness.InjectFailure("gd-2", endpoint: "cons-kitchen");
        using var client = await harness.Login("reader");
        var detail = await client.Failure(a.FailureId!);

        var group = await client.Get<System.Text.Json.JsonElement>("/api/groups/" + detail.EndpointGroupId);
        var bad = await client.GetAsync("/api/groups?by=colour");

        Assert.Multiple(async () =>
        {
            Assert.That(group.GetProperty("failures").GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(group.GetProperty("failures").GetProperty("items")[0].GetProperty("messageId").GetString(), Is.EqualTo("gd-1"));
            Assert.That((int)bad.StatusCode, Is.EqualTo(400));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("\"by\""));
        });
    }
}
