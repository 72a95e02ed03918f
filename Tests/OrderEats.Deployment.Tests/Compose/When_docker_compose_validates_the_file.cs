namespace OrderEats.Deployment.Tests.Compose;

/// <summary>`docker-compose config -q` (Debian's docker-compose 1.29) accepts the file with a filled .env and refuses it without the secrets.</summary>
public class When_docker_compose_validates_the_file
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("ordereats-compose-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Should_accept_the_file_when_every_variable_is_set()
    {
        var (exitCode, output) = await DockerCompose.Config(EnvFile.Filled(folder));

        Assert.That(exitCode, Is.Zero, $"docker-compose config -q failed: {output}");
    }

    [Test]
    public async Task Should_refuse_to_start_while_a_secret_is_missing()
    {
        // The committed example leaves the passwords empty: copying it without filling them in must not start anything.
        var (exitCode, output) = await DockerCompose.Config(EnvFile.ExamplePath);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain("PASSWORD in .env"));
        });
    }
}
