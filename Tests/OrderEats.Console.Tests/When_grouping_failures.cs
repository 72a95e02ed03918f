using OrderEats.Console.Ingestion;
using OrderEats.Console.Model;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_grouping_failures
{
    [Test]
    public void Should_key_by_exception_type_and_first_frame_without_file_and_line()
    {
        const string trace = """
            System.InvalidOperationException: nope
               at Shop.Payments.Charge(Order order) in /src/Payments.cs:line 42
               at Shop.Handler.Handle(ChargePayment message) in /src/Handler.cs:line 10
            """;

        Assert.Multiple(() =>
        {
            Assert.That(GroupKeys.FirstFrame(trace), Is.EqualTo("Shop.Payments.Charge(Order order)"));
            Assert.That(GroupKeys.ExceptionTitle("System.InvalidOperationException", trace), Is.EqualTo("System.InvalidOperationException at Shop.Payments.Charge(Order order)"));
            Assert.That(GroupKeys.ExceptionTitle("System.TimeoutException", string.Empty), Is.EqualTo("System.TimeoutException"));
            Assert.That(GroupKeys.Id(GroupingKind.Endpoint, "payments"), Is.Not.EqualTo(GroupKeys.Id(GroupingKind.MessageType, "payments")));
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
            Assert.That(sameCause.Title, Does.StartWith("System.InvalidOperationException at OrderEats.Console.Tests.Failures.ThrowHere("));
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
