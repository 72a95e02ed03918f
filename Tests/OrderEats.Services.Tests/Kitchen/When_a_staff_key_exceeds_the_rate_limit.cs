using System.Net;
using OrderEats.Kitchen;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

// Finding 1: the kitchen API had no rate limit; it kept answering a caller the Orders API was already refusing with 429.
[TestFixture]
public class When_a_staff_key_exceeds_the_rate_limit
{
    [Test]
    public async Task Should_answer_429_with_retry_after_to_that_key_only()
    {
        await using var harness = await KitchenHarness.Start(TestPersistence.Sqlite, KitchenMode.Manual, settings: new Dictionary<string, string?>
        {
            ["Kitchen:RateLimit:PermitLimit"] = "3",
            ["Kitchen:RateLimit:AnonymousPermitLimit"] = "2",
            ["Kitchen:RateLimit:Window"] = "01:00:00",
            ["Kitchen:Auth:StaffKeys:1:Name"] = "other-pass",
            ["Kitchen:Auth:StaffKeys:1:RestaurantId"] = Guid.NewGuid().ToString(),
            ["Kitchen:Auth:StaffKeys:1:Sha256"] = KitchenHarness.Sha256("other-key"),
        });
        using var staff = harness.Staff();
        using var other = harness.Staff("other-key");
        using var anonymous = harness.Client();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await staff.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));
            answers.Add(response.StatusCode);
        }

        using var limited = await staff.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));
        using var otherKey = await other.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));
        var anonymousAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));
            anonymousAnswers.Add(response.StatusCode);
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            Assert.That(otherKey.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(anonymousAnswers, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        });
    }
}
