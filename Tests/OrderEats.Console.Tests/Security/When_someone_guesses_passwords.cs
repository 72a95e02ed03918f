using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Security;

namespace OrderEats.Console.Tests.Security;

// Before: 40 wrong passwords in 2.4 s, then the right one worked; unknown names answered 30× faster; a 25 MB login body was read whole.
[TestFixture]
public class When_someone_guesses_passwords
{
    [Test]
    public async Task Should_slow_down_then_lock_the_name_so_the_right_password_is_refused_too()
    {
        await using var harness = await ConsoleHarness.Start();
        using var client = harness.Anonymous();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await client.PostAsJsonAsync("/api/login", new { name = "operator", password = "guess-" + i })).StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/login", new { name = "operator", password = ConsoleHarness.OperatorPassword });
        var otherUser = await client.PostAsJsonAsync("/api/login", new { name = "reader", password = ConsoleHarness.ReaderPassword });

        Assert.Multiple(() =>
        {
            Assert.That(answers.Take(4), Is.All.EqualTo(HttpStatusCode.Unauthorized), "three free failures, the fourth sets a 2 s wait");
            Assert.That(answers.Skip(4), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "while waiting, not even the right password gets in");
            Assert.That(right.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "another name is not affected");
        });
    }

    [Test]
    public void Should_double_the_wait_after_each_failure_and_lock_for_fifteen_minutes_at_ten()
    {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(clock);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            throttle.Failed("ada", null);
            waits.Add(throttle.Wait("ada", null));
            clock.Advance(waits[^1]);
        }

        clock.Advance(TimeSpan.FromHours(1));
        throttle.Failed("ada", null);

        Assert.Multiple(() =>
        {
            Assert.That(waits.Select(w => w.TotalSeconds), Is.EqualTo(new double[] { 0, 0, 0, 2, 4, 8, 16, 32, 64, 900 }));
            Assert.That(throttle.Wait("ADA ", null), Is.EqualTo(TimeSpan.Zero), "an hour without failures forgets them; names are case-insensitive");
        });
    }

    [Test]
    public void Should_treat_unknown_names_exactly_like_known_ones()
    {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(clock);
        for (var i = 0; i < 4; i++)
        {
            throttle.Failed("operator", "10.0.0.1");
            throttle.Failed("nobody-" + i % 1, "10.0.0.2");
        }

        Assert.That(throttle.Wait("operator", "10.0.0.1"), Is.EqualTo(throttle.Wait("nobody-0", "10.0.0.2")));
    }

    [Test]
    public async Task Should_check_an_unknown_name_against_a_hash_of_the_same_strength()
    {
        await using var harness = await ConsoleHarness.Start();
        var logins = harness.Services.GetRequiredService<LoginService>();
        var policy = harness.Services.GetRequiredService<PasswordPolicy>();
        using var client = harness.Anonymous();

        var known = await client.PostAsJsonAsync("/api/login", new { name = "reader", password = "wrong" });
        var afterKnown = logins.HashesChecked;
        var unknown = await client.PostAsJsonAsync("/api/login", new { name = "nobody-at-all", password = "wrong" });

        Assert.Multiple(async () =>
        {
            Assert.That(afterKnown, Is.EqualTo(1));
            Assert.That(logins.HashesChecked, Is.EqualTo(2), "the unknown name cost one PBKDF2 check too");
            Assert.That(PasswordHash.IterationsOf(policy.Dummy), Is.EqualTo(ConsoleHarness.TestIterations), "at the configured users' strength");
            Assert.That(unknown.StatusCode, Is.EqualTo(known.StatusCode));
            Assert.That(Without(await unknown.Content.ReadAsStringAsync()), Is.EqualTo(Without(await known.Content.ReadAsStringAsync())), "the same answer but its trace id");
        });
    }

    [Test]
    public async Task Should_refuse_a_login_body_over_4_KiB_without_reading_it()
    {
        await using var harness = await ConsoleHarness.Start(kestrel: true);
        using var client = harness.Anonymous();
        var big = new StringContent("{\"name\":\"operator\",\"password\":\"" + new string('x', 25 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = big };
        request.Headers.ExpectContinue = true;

        var json = await client.SendAsync(request);
        var form = await client.PostAsync("/login", new FormUrlEncodedContent([new("name", "operator"), new("password", new string('x', 8 * 1024))]));
        var small = await client.PostAsJsonAsync("/api/login", new { name = "operator", password = ConsoleHarness.OperatorPassword });

        Assert.Multiple(() =>
        {
            Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    private static string Without(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", string.Empty);
}
