using OrderEats.Console.Model;

namespace OrderEats.Console.Tests.Browser;

// A group action asks first, saying how many messages it changes.
[TestFixture]
public class When_an_operator_archives_a_group
{
    [Test]
    public async Task Should_confirm_with_the_count_then_archive_the_groups_messages()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add((await harness.InjectFailure($"declined-{i}", exceptionMessage: $"card {i} declined")).FailureId!);
        }

        var other = (await harness.InjectFailure("elsewhere-1", exception: Failures.ThrownElsewhere("something else"))).FailureId!;
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "operator", ConsoleHarness.OperatorPassword);

        await page.GotoAsync(new Uri(harness.BaseAddress, "/groups").ToString());
        await browser.Check(page, "groups");
        await page.ClickAsync("tr:has-text('card {n} declined') button:has-text('Archive')");
        var question = await page.InnerTextAsync("h1");
        await browser.Check(page, "confirm");
        await page.ClickAsync("button:has-text('Archive 3 messages')");
        var result = await page.InnerTextAsync("main");
        await browser.Check(page, "archived");
        using var client = await harness.Login("reader");
        var statuses = await Task.WhenAll(ids.Append(other).Select(async id => (await client.Failure(id)).Summary.Status));

        Assert.Multiple(() =>
        {
            Assert.That(question, Is.EqualTo("Archive 3 messages?"));
            Assert.That(result, Does.Contain("3 messages archived"));
            Assert.That(statuses, Is.EqualTo(new[] { FailureStatus.Archived, FailureStatus.Archived, FailureStatus.Archived, FailureStatus.Unresolved }));
        });
    }
}
