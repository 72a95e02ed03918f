using OrderEats.Console.Model;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_filtering_failures
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private ConsoleHarness harness = null!;
    private HttpClient client = null!;
    private Dictionary<string, string> ids = null!;

    [OneTimeSetUp]
    public async Task Ingest()
    {
        harness = await ConsoleHarness.Start();
        ids = new Dictionary<string, string>
        {
            ["f-1"] = (await harness.InjectFailure("f-1", endpoint: "cons-pay", type: "Shop.Charge", exceptionMessage: "card declined", at: Day.AddHours(1))).FailureId!,
            ["f-2"] = (await harness.InjectFailure("f-2", endpoint: "cons-pay", type: "Shop.Refund", exceptionMessage: "gateway timeout", at: Day.AddHours(5))).FailureId!,
            ["f-3"] = (await harness.InjectFailure("f-3", endpoint: "cons-kitchen", type: "Shop.Prepare", exceptionMessage: "oven 100% full_", at: Day.AddDays(1))).FailureId!,
            ["f-4"] = (await harness.InjectFailure("f-4", endpoint: "cons-kitchen", type: "Shop.Prepare", body: "{\"dish\":\"Lasagne\"}", at: Day.AddDays(2))).FailureId!,
            ["f-5"] = (await harness.InjectFailure("f-5", endpoint: "cons-notify", type: "Shop.Notify", at: Day.AddDays(3))).FailureId!,
        };
        client = await harness.Login("operator");
        (await client.Post($"/api/failures/{ids["f-5"]}/archive")).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public async Task Dispose()
    {
        client.Dispose();
        await harness.DisposeAsync();
    }

    [TestCase("?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z", "f-2,f-1")]
    [TestCase("?from=2026-11-21", "f-5,f-4,f-3")]
    [TestCase("?to=2026-11-20T05:00:00Z", "f-1")]
    [TestCase("?endpoint=cons-kitchen", "f-4,f-3")]
    [TestCase("?type=Shop.Refund", "f-2")]
    [TestCase("?status=Archived", "f-5")]
    [TestCase("?status=unresolved&endpoint=cons-pay", "f-2,f-1")]
    [TestCase("?q=GATEWAY", "f-2")]
    [TestCase("?q=lasagne", "f-4")]
    [TestCase("?q=100%25%20full_", "f-3")]
    [TestCase("?q=100%25x", "")]
    public async Task Should_return_only_matching_failures_newest_first(string query, string expected)
    {
        var page = await client.Failures(query);

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(",", page.Items.Select(f => f.MessageId)), Is.EqualTo(expected));
            Assert.That(page.Total, Is.EqualTo(expected.Length == 0 ? 0 : expected.Split(',').Length));
        });
    }

    [Test]
    public async Task Should_page_with_the_total()
    {
        var first = await client.Failures("?pageSize=2");
        var third = await client.Failures("?pageSize=2&page=3");

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(",", first.Items.Select(f => f.MessageId)), Is.EqualTo("f-5,f-4"));
            Assert.That(string.Join(",", third.Items.Select(f => f.MessageId)), Is.EqualTo("f-1"));
            Assert.That(third.Total, Is.EqualTo(5));
            Assert.That(third.Page, Is.EqualTo(3));
        });
    }

    [TestCase("?from=yesterday", "from")]
    [TestCase("?from=2026-11-22&to=2026-11-21", "to")]
    [TestCase("?status=Lost", "status")]
    [TestCase("?pageSize=0", "pageSize")]
    [TestCase("?page=-1", "page")]
    public async Task Should_answer_400_naming_the_field(string query, string field)
    {
        var response = await client.GetAsync("/api/failures" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain($"\"{field}\""));
        });
    }

    [Test]
    public async Task Should_render_the_list_page_with_the_filter_applied()
    {
        var html = await client.GetStringAsync("/failures?endpoint=cons-kitchen");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("/failures/" + ids["f-3"]));
            Assert.That(html, Does.Not.Contain("/failures/" + ids["f-1"]));
            Assert.That(html, Does.Contain("1–2 of 2 messages"));
        });
    }
}
