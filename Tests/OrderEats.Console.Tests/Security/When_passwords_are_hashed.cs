using System.Net;
using System.Net.Http.Json;
using OrderEats.Console.Security;

namespace OrderEats.Console.Tests.Security;

[TestFixture]
public class When_passwords_are_hashed
{
    [Test]
    public void Should_use_pbkdf2_sha256_at_600000_iterations()
    {
        var hash = PasswordHash.Create("correct horse");

        Assert.Multiple(() =>
        {
            Assert.That(hash, Does.StartWith("PBKDF2$SHA256$600000$"));
            Assert.That(PasswordHash.IterationsOf(hash), Is.EqualTo(600_000));
            Assert.That(new PasswordPolicy().Iterations, Is.EqualTo(600_000));
        });
    }

    [Test]
    public async Task Should_rehash_a_weaker_configured_hash_at_the_next_login_and_use_it_from_then_on()
    {
        var old = PasswordHash.Create("pw-100k", 100_000);
        await using var harness = await ConsoleHarness.Start(
            new Dictionary<string, string?> { ["Console:Users:2:Name"] = "veteran", ["Console:Users:2:PasswordHash"] = old, ["Console:Users:2:Role"] = "Reader" },
            iterations: PasswordHash.Iterations);
        var store = harness.Services.GetService(typeof(UserStore)) as UserStore;

        var first = await harness.Anonymous().PostAsJsonAsync("/api/login", new { name = "veteran", password = "pw-100k" });
        var upgraded = await store!.Upgraded("veteran", old);
        var second = await harness.Anonymous().PostAsJsonAsync("/api/login", new { name = "veteran", password = "pw-100k" });
        var wrong = await harness.Anonymous().PostAsJsonAsync("/api/login", new { name = "veteran", password = "nope" });

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(upgraded, Is.Not.Null);
            Assert.That(PasswordHash.IterationsOf(upgraded!), Is.EqualTo(600_000));
            Assert.That(PasswordHash.Verify("pw-100k", upgraded!), Is.True);
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public void Should_read_the_password_for_hash_password_from_standard_input_and_refuse_it_as_an_argument()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var piped = HashPasswordCommand.Run(["hash-password"], new StringReader("s3cret\n"), output, errors, redirected: true);
        var argument = HashPasswordCommand.Run(["hash-password", "s3cret"], new StringReader(string.Empty), TextWriter.Null, errors, redirected: true);
        var empty = HashPasswordCommand.Run(["hash-password"], new StringReader(string.Empty), TextWriter.Null, errors, redirected: true);

        Assert.Multiple(() =>
        {
            Assert.That(piped, Is.Zero);
            Assert.That(PasswordHash.Verify("s3cret", output.ToString().Trim()), Is.True);
            Assert.That(argument, Is.EqualTo(2));
            Assert.That(errors.ToString(), Does.Contain("standard input"));
            Assert.That(empty, Is.EqualTo(2));
        });
    }
}
