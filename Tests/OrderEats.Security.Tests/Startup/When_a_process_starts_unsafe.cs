using System.Globalization;
using OrderEats.Security.Tests.Routes;
using OrderEats.TestInfrastructure;

namespace OrderEats.Security.Tests.Startup;

// Finding 3, run as an operator would: the built processes, their exit codes and what they print.
[TestFixture]
public class When_a_process_starts_unsafe
{
    [Test]
    public async Task Should_exit_non_zero_naming_the_setting_when_orders_has_no_credentials()
    {
        var (exitCode, output) = await ServiceRun.Run("Orders", Production(), "Now listening");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Orders:Auth:SigningKey").And.Contain("Orders:Auth:ApiKeys"));
    }

    [Test]
    public async Task Should_exit_non_zero_when_development_credentials_would_listen_beyond_loopback()
    {
        var (exitCode, output) = await ServiceRun.Run("Orders", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = Url("0.0.0.0"),
        }, "Now listening");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Orders:Auth:SigningKey equals a value committed").And.Contain("0.0.0.0"));
    }

    [Test]
    public async Task Should_exit_non_zero_naming_the_setting_when_the_console_has_no_users()
    {
        var (exitCode, output) = await ServiceRun.Run("Console", Production(), "Now listening");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Console:Users:0:Name"));
    }

    [Test]
    public async Task Should_exit_non_zero_when_a_manual_kitchen_has_no_staff_keys()
    {
        var environment = Production();
        environment["Kitchen__Mode"] = "Manual";

        var (exitCode, output) = await ServiceRun.Run("Kitchen", environment, "Now listening");

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("Kitchen:Auth:StaffKeys"));
    }

    [Test]
    public async Task Should_not_print_the_development_users_when_the_host_runs_in_production()
    {
        var environment = Production();
        environment["Orders__Auth__SigningKey"] = ProcessUnderTest.Credentials["Orders:Auth:SigningKey"]!;
        environment["Console__Users__0__Name"] = "ops";
        environment["Console__Users__0__PasswordHash"] = ProcessUnderTest.Credentials["Console:Users:0:PasswordHash"]!;
        environment["Console__Users__0__Role"] = "Operator";

        var (exitCode, output) = await ServiceRun.Run("Host", environment, "OrderEats is running", "--urls", Url("127.0.0.1"));

        Assert.That(exitCode, Is.Null, "the host should have started: " + output);
        Assert.That(output, Does.Contain("OrderEats is running").And.Not.Contain("operator/operator"));
    }

    [Test]
    public async Task Should_print_the_development_users_when_the_host_runs_in_development_on_loopback()
    {
        var (exitCode, output) = await ServiceRun.Run(
            "Host", new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, "OrderEats is running", "--urls", Url("127.0.0.1"));

        Assert.That(exitCode, Is.Null, "the host should have started: " + output);
        Assert.That(output, Does.Contain("Development users operator/operator"));
    }

    private static Dictionary<string, string> Production() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = Url("127.0.0.1"),
    };

    private static string Url(string host) => string.Create(CultureInfo.InvariantCulture, $"http://{host}:{FreePort.Find()}");
}
