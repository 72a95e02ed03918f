using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderEats.Console.Security;
using OrderEats.ServiceDefaults;
using OrderEats.ServiceDefaults.Security;

namespace OrderEats.Console.Tests;

// Findings 3 and 6: the Development users operator/operator depended only on the environment name, committed passwords were accepted in
// production, and a control character in returnUrl gave an unhandled 500.
[TestFixture]
public class When_the_console_starts_outside_development
{
    [Test]
    public void Should_not_create_the_development_users_when_listening_beyond_loopback()
    {
        var refused = Assert.Throws<UnsafeConfigurationException>(() => Register(("environment", "Development"), ("urls", "http://0.0.0.0:5090")));

        Assert.That(refused!.Message, Does.Contain("Console:Users:0:Name").And.Contain("loopback"));
    }

    [Test]
    public void Should_create_the_development_users_in_development_on_loopback()
    {
        var options = Register(("environment", "Development"), ("urls", "http://127.0.0.1:5090"));

        Assert.That(options.Users.Select(u => u.Name), Is.EquivalentTo(new[] { "operator", "reader" }));
    }

    [TestCase("operator")]
    [TestCase("reader")]
    public void Should_refuse_a_user_whose_password_is_a_committed_development_password(string password)
    {
        var refused = Assert.Throws<UnsafeConfigurationException>(() => Register(
            ("environment", "Production"), ("Console:Users:0:Name", "ops"), ("Console:Users:0:PasswordHash", PasswordHash.Create(password)), ("Console:Users:0:Role", "Operator")));

        Assert.That(refused!.Message, Does.Contain("'ops'").And.Contain("hash-password"));
    }

    [TestCase("/%09failures")]
    [TestCase("/failures%0D%0ALocation:%20https://evil.example")]
    public async Task Should_answer_400_naming_returnUrl_when_it_holds_a_control_character(string returnUrl)
    {
        await using var console = await ConsoleHarness.Start();
        using var client = console.Anonymous();

        using var page = await client.GetAsync(new Uri("/login?returnUrl=" + returnUrl, UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "operator",
            ["password"] = ConsoleHarness.OperatorPassword,
            ["returnUrl"] = Uri.UnescapeDataString(returnUrl),
        });
        using var login = await client.PostAsync(new Uri("/login", UriKind.Relative), form);

        Assert.Multiple(async () =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await login.Content.ReadAsStringAsync(), Does.Contain("returnUrl"));
        });
    }

    private static ConsoleOptions Register(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection();
        ConsoleService.AddConsoleService(services, configuration, new InfrastructureOptions { DataFolder = Path.GetTempPath() });
        return (ConsoleOptions)services.Single(d => d.ServiceType == typeof(ConsoleOptions)).ImplementationInstance!;
    }
}
