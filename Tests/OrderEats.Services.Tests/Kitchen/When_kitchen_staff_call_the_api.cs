using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderEats.Kitchen;
using OrderEats.Kitchen.Tickets;
using OrderEats.Services.Tests.Harness;

namespace OrderEats.Services.Tests.Kitchen;

// Findings 1 and 2: the kitchen API had no authentication and no rate limit (anyone listed every ticket and rejected any order), and a
// reject reason of any size was stored on the order.
[TestFixture]
public class When_kitchen_staff_call_the_api
{
    private static readonly Guid OtherRestaurant = Guid.Parse("0b5e7a52-9d3c-4f1e-8a6b-7c2d1e0f9a33");
    private const string OtherKey = "kitchen-tests-other-restaurant-key-77";
    private ServiceHarness harness = null!;

    [OneTimeSetUp]
    public async Task Start() => harness = await KitchenHarness.Start(TestPersistence.Sqlite, KitchenMode.Manual, settings: new Dictionary<string, string?>
    {
        ["Kitchen:Auth:StaffKeys:1:Name"] = "other-pass",
        ["Kitchen:Auth:StaffKeys:1:RestaurantId"] = OtherRestaurant.ToString(),
        ["Kitchen:Auth:StaffKeys:1:Sha256"] = KitchenHarness.Sha256(OtherKey),
        ["Kitchen:RateLimit:PermitLimit"] = "1000",
    });

    [OneTimeTearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Should_refuse_anonymous_callers_and_unknown_keys_with_401()
    {
        var orderId = await harness.Prepare();
        using var anonymous = harness.Client();
        using var guessed = harness.Staff("guessed-key");

        using var list = await anonymous.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));
        using var reject = await anonymous.PostAsJsonAsync($"/kitchen/tickets/{orderId}/reject", new { reason = "x" });
        using var guessedList = await guessed.GetAsync(new Uri("/kitchen/tickets", UriKind.Relative));

        Assert.Multiple(async () =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await list.Content.ReadAsStringAsync(), Does.Contain("X-Kitchen-Key"));
            Assert.That(reject.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(guessedList.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await harness.Service<KitchenTickets>().Find(orderId))?.Status, Is.EqualTo(TicketStatus.Received));
        });
    }

    [Test]
    public async Task Should_show_a_key_only_its_own_restaurants_tickets()
    {
        var mine = await harness.Prepare();
        var theirs = await harness.Prepare(restaurantId: OtherRestaurant);
        using var staff = harness.Staff();

        var listed = await staff.GetFromJsonAsync<List<KitchenTicket>>("/kitchen/tickets");
        using var read = await staff.GetAsync(new Uri($"/kitchen/tickets/{theirs}", UriKind.Relative));

        Assert.Multiple(() =>
        {
            Assert.That(listed!.Select(t => t.OrderId), Does.Contain(mine).And.Not.Contain(theirs));
            Assert.That(listed!.Select(t => t.RestaurantId).Distinct(), Is.EqualTo(new[] { KitchenHarness.Restaurant }));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [TestCase("accept")]
    [TestCase("reject")]
    public async Task Should_answer_404_for_another_restaurants_ticket_and_change_nothing(string action)
    {
        var theirs = await harness.Prepare(restaurantId: OtherRestaurant);
        using var staff = harness.Staff();
        using var owner = harness.Staff(OtherKey);

        using var refused = await staff.PostAsJsonAsync($"/kitchen/tickets/{theirs}/{action}", new { reason = "not my kitchen" });
        var status = (await harness.Service<KitchenTickets>().Find(theirs))?.Status;
        using var allowed = await owner.PostAsJsonAsync($"/kitchen/tickets/{theirs}/{action}", new { reason = "out of basil" });

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(status, Is.EqualTo(TicketStatus.Received));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        });
    }

    [Test]
    public async Task Should_refuse_a_reason_over_500_characters_with_400_naming_the_field()
    {
        var orderId = await harness.Prepare();
        using var staff = harness.Staff();

        using var response = await staff.PostAsJsonAsync($"/kitchen/tickets/{orderId}/reject", new { reason = new string('x', 501) });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.Contain("\"reason\"").And.Contain("501"));
            Assert.That((await harness.Service<KitchenTickets>().Find(orderId))?.Status, Is.EqualTo(TicketStatus.Received));
        });
    }

    [Test]
    public async Task Should_accept_a_reason_of_exactly_500_characters()
    {
        var orderId = await harness.Prepare();
        using var staff = harness.Staff();

        using var response = await staff.PostAsJsonAsync($"/kitchen/tickets/{orderId}/reject", new { reason = new string('x', 500) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Should_refuse_a_large_body_with_413_before_reading_it()
    {
        var orderId = await harness.Prepare();
        using var staff = harness.Staff();
        using var content = new StringContent("{\"reason\":\"" + new string('x', 900 * 1024) + "\"}", Encoding.UTF8, "application/json");

        using var response = await staff.PostAsync(new Uri($"/kitchen/tickets/{orderId}/reject", UriKind.Relative), content);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That((await harness.Service<KitchenTickets>().Find(orderId))?.Status, Is.EqualTo(TicketStatus.Received));
        });
    }

    [Test]
    public async Task Should_not_hand_out_kitchen_keys_outside_development()
    {
        using var anonymous = harness.Client();
        using var staff = harness.Staff();

        using var asAnonymous = await anonymous.PostAsJsonAsync("/dev/kitchen-key", new { restaurantId = KitchenHarness.Restaurant });
        using var asStaff = await staff.PostAsJsonAsync("/dev/kitchen-key", new { restaurantId = KitchenHarness.Restaurant });

        Assert.That(asAnonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(asStaff.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.NotFound));
    }
}
