using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderEats.Orders.Catalog;
using OrderEats.Orders.Http;
using OrderEats.Orders.Tests.Infrastructure;

namespace OrderEats.Orders.Tests.Http;

[TestFixture(Store.Sqlite)]
[TestFixture(Store.PostgreSql)]
public class When_managing_the_catalog(Store store)
{
    private OrdersTestApp app = null!;

    private HttpClient Client => app.Client;

    [OneTimeSetUp]
    public async Task Start() => app = await OrdersTestApp.Start(store);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Should_report_health_once_the_endpoint_started()
    {
        var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("{\"status\":\"ready\""));
    }

    [Test]
    public async Task Should_create_a_restaurant_with_201_and_its_location()
    {
        var response = await Client.PostAsJsonAsync(
            "/restaurants",
            new CreateRestaurantRequest("  Pizzeria Uno ", [new MenuItemRequest("Margherita", 9.50m, "eur"), new MenuItemRequest("Tiramisu", 5m, "EUR")]),
            OrdersTestApp.Json);
        var created = await OrdersTestApp.Read<Restaurant>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri($"/restaurants/{created.Id}", UriKind.Relative)));
        Assert.That(created.Name, Is.EqualTo("Pizzeria Uno"));
        Assert.That(created.Menu.Select(m => (m.Name, m.Price.Amount, m.Price.Currency)), Is.EqualTo(new[] { ("Margherita", 9.50m, "EUR"), ("Tiramisu", 5m, "EUR") }));

        var fetched = await OrdersTestApp.Read<Restaurant>(await Client.GetAsync(response.Headers.Location));
        Assert.That(fetched.Menu.Select(m => m.Id), Is.EqualTo(created.Menu.Select(m => m.Id)));
        var listed = await OrdersTestApp.Read<List<Restaurant>>(await Client.GetAsync(new Uri("/restaurants", UriKind.Relative)));
        Assert.That(listed.Single(r => r.Id == created.Id).Menu, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Should_reject_a_restaurant_without_a_name()
    {
        var problem = await PostRestaurant(new CreateRestaurantRequest(" ", [new MenuItemRequest("Soup", 4m, "EUR")]));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public async Task Should_reject_a_restaurant_with_an_empty_menu()
    {
        var problem = await PostRestaurant(new CreateRestaurantRequest("Empty", []));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "menu" }));
    }

    [Test]
    public async Task Should_reject_a_restaurant_without_a_menu()
    {
        var problem = await Post("/restaurants", "{\"name\":\"No menu\"}");
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "menu" }));
    }

    [Test]
    public async Task Should_reject_a_menu_of_more_than_100_items()
    {
        var menu = Enumerable.Range(1, 101).Select(i => new MenuItemRequest("Dish " + i, 1m, "EUR")).ToList();
        var problem = await PostRestaurant(new CreateRestaurantRequest("Too big", menu));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "menu" }));
    }

    [Test]
    public async Task Should_name_each_invalid_menu_item_field()
    {
        var problem = await PostRestaurant(new CreateRestaurantRequest(
            "Broken",
            [new MenuItemRequest("", 3m, "EUR"), new MenuItemRequest("Free", 0m, "EUR"), new MenuItemRequest("Negative", -1m, "EUR"), new MenuItemRequest("Odd", 2m, "EURO"), new MenuItemRequest("Digits", 2m, "E1R"),
             new MenuItemRequest("Fraction", 0.001m, "EUR"), new MenuItemRequest("Gold", 100_000.01m, "EUR"), new MenuItemRequest("Fine", 100_000m, "EUR")]));
        Assert.That(
            problem.ErrorKeys,
            Is.EquivalentTo(new[] { "menu[0].name", "menu[1].price", "menu[2].price", "menu[3].currency", "menu[4].currency", "menu[5].price", "menu[6].price" }));
    }

    [TestCase("{\"name\": \"x\", \"menu\": [")]
    [TestCase("not json")]
    [TestCase("")]
    [TestCase("null")]
    [TestCase("{\"name\": \"x\", \"menu\": [{\"name\": \"a\", \"price\": \"cheap\", \"currency\": \"EUR\"}]}")]
    public async Task Should_reject_a_malformed_restaurant_body(string body)
    {
        var problem = await Post("/restaurants", body);
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "body" }));
    }

    [TestCase("00000000-0000-0000-0000-000000000001")]
    [TestCase("not-a-guid")]
    public async Task Should_answer_404_for_an_unknown_restaurant(string id)
    {
        var response = await Client.GetAsync(new Uri("/restaurants/" + id, UriKind.Relative));
        var problem = await Problem.Read(response);
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.Detail, Does.Contain(id));
    }

    [Test]
    public async Task Should_create_a_customer_with_201_and_its_location()
    {
        var email = $"Grace.{Guid.NewGuid():N}@Example.com";
        var response = await Client.PostAsJsonAsync("/customers", new CreateCustomerRequest("Grace", " " + email + " "), OrdersTestApp.Json);
        var created = await OrdersTestApp.Read<Customer>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri($"/customers/{created.Id}", UriKind.Relative)));
        Assert.That(created.Email, Is.EqualTo(email.ToLowerInvariant()));
        Assert.That(await OrdersTestApp.Read<Customer>(await Client.GetAsync(response.Headers.Location)), Is.EqualTo(created));
    }

    [Test]
    public async Task Should_reject_a_customer_without_a_name()
    {
        var problem = await PostCustomer(new CreateCustomerRequest("", $"x{Guid.NewGuid():N}@example.com"));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "name" }));
    }

    [TestCase("")]
    [TestCase("plainaddress")]
    [TestCase("a@b")]
    [TestCase("two@@example.com")]
    [TestCase("Ada <ada@example.com>")]
    public async Task Should_reject_an_invalid_email(string email)
    {
        var problem = await PostCustomer(new CreateCustomerRequest("Ada", email));
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task Should_reject_a_customer_without_an_email()
    {
        var problem = await Post("/customers", "{\"name\":\"Ada\"}");
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "email" }));
    }

    [Test]
    public async Task Should_answer_409_for_an_email_registered_already()
    {
        var email = $"twice.{Guid.NewGuid():N}@example.com";
        var first = await Client.PostAsJsonAsync("/customers", new CreateCustomerRequest("One", email), OrdersTestApp.Json);
        var second = await Client.PostAsJsonAsync("/customers", new CreateCustomerRequest("Two", email.ToUpperInvariant()), OrdersTestApp.Json);
        var problem = await Problem.Read(second);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(problem.Detail, Does.Contain(email));
    }

    [Test]
    public async Task Should_reject_a_malformed_customer_body()
    {
        var problem = await Post("/customers", "{\"name\": 42, \"email\": ");
        Assert.That(problem.ErrorKeys, Is.EqualTo(new[] { "body" }));
    }

    [TestCase("00000000-0000-0000-0000-000000000002")]
    [TestCase("nobody")]
    public async Task Should_answer_404_for_an_unknown_customer(string id)
    {
        var problem = await Problem.Read(await Client.GetAsync(new Uri("/customers/" + id, UriKind.Relative)));
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(problem.Detail, Does.Contain(id));
    }

    private async Task<Problem> PostRestaurant(CreateRestaurantRequest request) =>
        await BadRequest(await Client.PostAsJsonAsync("/restaurants", request, OrdersTestApp.Json));

    private async Task<Problem> PostCustomer(CreateCustomerRequest request) =>
        await BadRequest(await Client.PostAsJsonAsync("/customers", request, OrdersTestApp.Json));

    private async Task<Problem> Post(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await BadRequest(await Client.PostAsync(new Uri(path, UriKind.Relative), content));
    }

    private static async Task<Problem> BadRequest(HttpResponseMessage response)
    {
        var problem = await Problem.Read(response);
        Assert.That(problem.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.ContentType, Is.EqualTo("application/problem+json"));
        return problem;
    }
}
