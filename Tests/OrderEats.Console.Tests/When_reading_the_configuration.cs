using Microsoft.Extensions.Configuration;
using OrderEats.Console.Security;

namespace OrderEats.Console.Tests;

[TestFixture]
public class When_reading_the_configuration
{
    [Test]
    public void Should_use_the_defaults_and_the_dev_users_in_development()
    {
        var options = ConsoleOptions.FromConfiguration(Configuration([]), development: true);

        Assert.Multiple(() =>
        {
            Assert.That(options.Queue, Is.EqualTo("console"));
            Assert.That(options.ErrorQueue, Is.EqualTo("error"));
            Assert.That(options.AllowEditAndRetry, Is.False);
            Assert.That(options.AlertWebhook, Is.Null);
            Assert.That(options.RetryBatchSize, Is.EqualTo(10));
            Assert.That(options.RetryMessagesPerSecond, Is.EqualTo(50));
            Assert.That(options.Users.Select(u => (u.Name, u.Role)), Is.EquivalentTo(new[] { ("operator", ConsoleRole.Operator), ("reader", ConsoleRole.Reader) }));
            Assert.That(PasswordHash.Verify("operator", options.Users.Single(u => u.Name == "operator").PasswordHash), Is.True);
        });
    }

    [Test]
    public void Should_refuse_to_start_without_users_outside_development()
    {
        var error = Assert.Catch<InvalidOperationException>(() => ConsoleOptions.FromConfiguration(Configuration([]), development: false));

        Assert.That(error!.Message, Does.Contain("Console:Users:0:Name").And.Contain("hash-password"));
    }

    [TestCase("Console:Users:0:Role", "Admin", "Console:Users:0:Role is 'Admin'")]
    [TestCase("Console:Users:0:PasswordHash", "plain-text", "Console:Users:0 needs Name and a PasswordHash")]
    [TestCase("Console:AlertWebhook", "ftp://example", "Console:AlertWebhook is 'ftp://example'")]
    [TestCase("Console:RetryBatchSize", "0", "Console:RetryBatchSize is '0'")]
    [TestCase("Console:RetryMessagesPerSecond", "fast", "Console:RetryMessagesPerSecond is 'fast'")]
    [TestCase("Console:AllowEditAndRetry", "sometimes", "Console:AllowEditAndRetry is 'sometimes'")]
    public void Should_name_the_key_of_an_invalid_setting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Console:Users:0:Name"] = "ops",
            ["Console:Users:0:PasswordHash"] = PasswordHash.Create("pw"),
            ["Console:Users:0:Role"] = "Operator",
            [key] = value,
        };

        var error = Assert.Throws<InvalidOperationException>(() => ConsoleOptions.FromConfiguration(Configuration(settings), development: false));

        Assert.That(error!.Message, Does.StartWith(expected));
    }

    [Test]
    public void Should_verify_only_the_right_password()
    {
        var hash = PasswordHash.Create("correct horse");

        Assert.Multiple(() =>
        {
            Assert.That(PasswordHash.Verify("correct horse", hash), Is.True);
            Assert.That(PasswordHash.Verify("correct horse ", hash), Is.False);
            Assert.That(PasswordHash.Verify("correct horse", "PBKDF2$SHA256$1$bad"), Is.False);
            Assert.That(hash, Is.Not.EqualTo(PasswordHash.Create("correct horse")), "salted");
        });
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
