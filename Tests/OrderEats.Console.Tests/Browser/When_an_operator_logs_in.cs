namespace OrderEats.Console.Tests.Browser;

[TestFixture]
public class When_an_operator_logs_in
{
    [Test]
    public async Task Should_refuse_a_wrong_password_then_log_in_and_land_where_they_were_going()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();

        await page.GotoAsync(new Uri(harness.BaseAddress, "/failures").ToString());
        var loginUrl = page.Url;
        await page.FillAsync("input[name=name]", "operator");
        await page.FillAsync("input[name=password]", "not the password");
        await page.ClickAsync("button[type=submit]");
        var refusal = await page.InnerTextAsync("[role=alert]");
        await browser.Check(page, "refused");
        await page.FillAsync("input[name=password]", ConsoleHarness.OperatorPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/failures");
        var user = await page.InnerTextAsync("header form.user");

        Assert.Multiple(() =>
        {
            Assert.That(loginUrl, Does.Contain("/login?ReturnUrl=%2Ffailures"));
            Assert.That(refusal, Is.EqualTo("Unknown user or wrong password."));
            Assert.That(user, Does.Contain("operator"));
        });
        await browser.Check(page, "failures");
    }

    [Test]
    public async Task Should_show_every_page_within_the_window_without_browser_errors()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        var failure = await harness.InjectFailure("every-page-1", exceptionMessage: "A rather long exception message " + string.Concat(Enumerable.Repeat("that goes on and on ", 20)));
        await using var browser = await BrowserSession.Launch();
        var page = await browser.NewPage();
        await BrowserSession.LogIn(page, harness.BaseAddress, "operator", ConsoleHarness.OperatorPassword);

        foreach (var (name, path) in new[]
        {
            ("dashboard", "/"), ("groups-by-endpoint", "/groups?by=endpoint"), ("group", "/groups/" + (await (await harness.Login("reader")).Failure(failure.FailureId!)).Summary.ExceptionGroupId),
            ("sagas", "/sagas"), ("events", "/events"), ("failure", "/failures/" + failure.FailureId), ("endpoints", "/endpoints"),
        })
        {
            await page.GotoAsync(new Uri(harness.BaseAddress, path).ToString());
            await browser.Check(page, name);
        }
    }
}
