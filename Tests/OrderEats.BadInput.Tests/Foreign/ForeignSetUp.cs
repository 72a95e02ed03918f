using System.Net.Http.Json;
using System.Text.Json;

namespace OrderEats.BadInput.Tests.Foreign;

/// <summary>One system and one foreign client for the fixtures of this namespace (they use the real queue names, so one system at a time).</summary>
[SetUpFixture]
public sealed class ForeignSetUp
{
    internal static OrderSystem System { get; private set; } = null!;

    internal static ForeignClient Client { get; private set; } = null!;

    internal static Guid CustomerId { get; private set; }

    internal static Guid RestaurantId { get; private set; }

    /// <summary>Margherita, 9.50 EUR.</summary>
    internal static Guid Margherita { get; private set; }

    /// <summary>On another restaurant's menu.</summary>
    internal static Guid Elsewhere { get; private set; }

    [OneTimeSetUp]
    public async Task Start()
    {
        System = await OrderSystem.Start(BrokerSetUp.AmqpUri);
        Client = await ForeignClient.Connect(BrokerSetUp.AmqpUri);
        using (var restaurant = JsonDocument.Parse(await Post("/restaurants", new { name = "Foreign Trattoria", menu = new[] { new { name = "Margherita", price = 9.5m, currency = "EUR" } } })))
        {
            RestaurantId = restaurant.RootElement.GetProperty("id").GetGuid();
            Margherita = restaurant.RootElement.GetProperty("menu")[0].GetProperty("id").GetGuid();
        }

        using (var other = JsonDocument.Parse(await Post("/restaurants", new { name = "Other Place", menu = new[] { new { name = "Soup", price = 4m, currency = "EUR" } } })))
        {
            Elsewhere = other.RootElement.GetProperty("menu")[0].GetProperty("id").GetGuid();
        }

        using var customer = JsonDocument.Parse(await Post("/customers", new { name = "Ada", email = $"ada.{Guid.NewGuid():N}@example.com" }));
        CustomerId = customer.RootElement.GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        if (System is not null)
        {
            await System.DisposeAsync();
        }
    }

    private static async Task<string> Post(string path, object body)
    {
        using var response = await System.Api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
